import { peekBytes } from "../../core/byte-source.js";
import { encodingFromLabel, type TextEncoding } from "../../core/text-decoding.js";
import { UnreadableFileError } from "../../core/types.js";

/** An XML declaration is a few dozen bytes; this leaves room for odd spacing. */
const PROLOG_WINDOW = 1024;

/**
 * The encoding an XML file declares in its prolog (`<?xml … encoding="…"?>`),
 * UTF-8 when it declares none. The prolog is ASCII in every encoding the feeds
 * use, so it is read from the raw bytes before anything is decoded.
 */
export async function declaredXmlEncoding(bytes: AsyncIterable<Buffer>, fileName: string): Promise<TextEncoding> {
  const head = await peekBytes(bytes, PROLOG_WINDOW);
  // A UTF-8 byte order mark outranks the declaration (XML 1.0, appendix F).
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  const text = head.toString("latin1");
  if (!text.startsWith("<?xml")) return "utf-8";
  const end = text.indexOf("?>");
  if (end < 0) throw new UnreadableFileError(`${fileName}: the XML declaration is not closed within its first ${PROLOG_WINDOW} bytes`);
  const declared = /\sencoding\s*=\s*(["'])([^"']*)\1/u.exec(text.slice(0, end))?.[2];
  if (declared === undefined) return "utf-8";
  const encoding = encodingFromLabel(declared);
  if (encoding === null) throw new UnreadableFileError(`${fileName}: the XML declaration names encoding "${declared}", which the customs feed does not use (UTF-8, ISO-8859-1 or Windows-1252 expected)`);
  return encoding;
}
