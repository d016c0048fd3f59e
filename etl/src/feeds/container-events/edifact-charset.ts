import { decodeText } from "../../core/text-decoding.js";
import { UnreadableFileError } from "../../core/types.js";
import { tokenizeEdifact, valueAt } from "./edifact-tokenizer.js";

/** How the bytes of an interchange become text. */
export type EdifactCharset = "latin1" | "utf-8";

/**
 * UNOA and UNOB are ASCII and UNOC Latin-1 (formats.md); Latin-1 decoding keeps
 * ASCII as it is and never fails on a stray byte. UNOW and UNOY are the
 * syntax's UTF-8 identifiers.
 */
export function charsetOfSyntax(syntaxIdentifier: string): EdifactCharset {
  return syntaxIdentifier === "UNOW" || syntaxIdentifier === "UNOY" ? "utf-8" : "latin1";
}

/** The text of the file, chunk by chunk. */
export async function* decodeEdifact(bytes: AsyncIterable<Buffer>, charset: EdifactCharset): AsyncGenerator<string> {
  if (charset === "utf-8") {
    yield* decodeText(bytes, "utf-8");
    return;
  }
  // One byte, one character: no character can be cut by a chunk boundary.
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of bytes) {
    if (head === null) {
      yield chunk.toString("latin1");
      continue;
    }
    // Feed detection lets a UTF-8 byte order mark through; it is not text of the interchange.
    head = Buffer.concat([head, chunk]);
    if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) continue;
    yield (head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head).toString("latin1");
    head = null;
  }
  if (head !== null && head.length > 0 && !UTF8_BOM.subarray(0, head.length).equals(head)) yield head.toString("latin1");
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads the file up to its first UNB, which names the character set of the
 * whole file (UNA and UNB themselves are ASCII, so reading them as Latin-1 is
 * safe). A file whose first segment, after an optional UNA, is not UNB is not
 * EDIFACT.
 */
export async function detectEdifactCharset(bytes: AsyncIterable<Buffer>, fileName: string): Promise<EdifactCharset> {
  for await (const [segment] of tokenizeEdifact(decodeEdifact(bytes, "latin1"))) {
    if (segment === undefined) continue;
    if (segment.tag !== "UNB") throw new UnreadableFileError(`${fileName}: an EDIFACT file starts with UNA or UNB, not ${JSON.stringify(segment.raw.slice(0, 40))}`);
    return charsetOfSyntax(valueAt(segment, 1));
  }
  throw new UnreadableFileError(`${fileName}: no UNB segment: the file is empty or not EDIFACT`);
}
