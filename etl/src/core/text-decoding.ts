/**
 * Text encodings of the feeds. Windows-1252 also serves files that declare
 * ISO-8859-1: the two differ only in bytes 0x80–0x9F, control codes that real
 * ISO-8859-1 text never contains (the WHATWG encoding standard does the same).
 */
export type TextEncoding = "utf-8" | "windows-1252";

export function encodingFromLabel(label: string): TextEncoding | null {
  const l = label.trim().toLowerCase();
  if (l === "utf-8" || l === "utf8") return "utf-8";
  if (["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15", "us-ascii", "ascii"].includes(l)) return "windows-1252";
  return null;
}

/** Decodes a byte stream chunk by chunk; characters split across chunks are kept whole. */
export async function* decodeText(bytes: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** True when every byte of the stream is valid UTF-8. */
export async function isValidUtf8(bytes: AsyncIterable<Buffer>): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of bytes) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
