/**
 * Records of the two CSV feeds (formats.md, "Rules common to every feed" and
 * "1. vessel-calls"): encoding from the bytes, delimiter from the header line,
 * RFC 4180 quoting, columns mapped by name. Streams: only the current decoded
 * chunk and one unfinished row are held, whatever the size of the file.
 */
import { peekBytes } from "../../core/byte-source.js";
import type { DecimalMark } from "../../core/numbers.js";
import type { ReasonCode } from "../../core/reasons.js";
import { decodeText, isValidUtf8, type TextEncoding } from "../../core/text-decoding.js";
import { UnreadableFileError, type Outcome, type ParseContext, type ReferenceData, type Row, type SourceRecord } from "../../core/types.js";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const BOM = 0xfeff;

/**
 * Longest row kept while waiting for its end. Real rows are a few hundred
 * characters; a row this long is a quote that never closes, and holding the
 * rest of the file for it would break the memory bound.
 */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** One row as the tokenizer cuts it, before columns are known. */
export interface CsvRow {
  /** Line the row starts on, from 1. */
  readonly line: number;
  /** The row's text without its line terminator. */
  readonly raw: string;
  /** Field values, unquoted, not trimmed. */
  readonly fields: readonly string[];
  /** Why the quoting of the row is broken, else null. */
  readonly problem: string | null;
}

const isPadding = (c: number) => c === SPACE || c === TAB;

/**
 * Cuts decoded text into rows. Text arrives in chunks of any size; a row cut
 * by a chunk boundary is kept and read again whole with the next chunk, so the
 * scanner never has to resume in the middle of a field.
 */
export class CsvTokenizer {
  private carry = "";
  private line = 1;

  constructor(private readonly delimiter: number) {}

  /** Adds text; rows it completes are appended to `out`. */
  push(text: string, out: CsvRow[]): void {
    const buffer = this.carry + text;
    const rest = this.scan(buffer, false, out);
    this.carry = rest === buffer.length ? "" : buffer.slice(rest);
    if (this.carry.length > MAX_ROW_CHARS) {
      throw new UnreadableFileError(`the record starting at line ${this.line} runs past ${MAX_ROW_CHARS} characters without ending (a quote that never closes?)`);
    }
  }

  /** End of the text: the last row, even without a line terminator. */
  end(out: CsvRow[]): void {
    if (this.carry !== "") this.scan(this.carry, true, out);
    this.carry = "";
  }

  private scan(buffer: string, final: boolean, out: CsvRow[]): number {
    let start = 0;
    while (start < buffer.length) {
      const next = this.row(buffer, start, final, out);
      if (next < 0) break;
      start = next;
    }
    return start;
  }

  /** Reads the row that starts at `start`: where the next row starts, or -1 when this one may go on past the end of `buffer`. */
  private row(buffer: string, start: number, final: boolean, out: CsvRow[]): number {
    const n = buffer.length;
    const delimiter = this.delimiter;
    const fields: string[] = [];
    let problem: string | null = null;
    let innerBreaks = 0;
    let fieldStart = start;
    for (;;) {
      let k = fieldStart;
      while (k < n && isPadding(buffer.charCodeAt(k))) k++;
      let value: string;
      let quoted = false;
      if (k < n && buffer.charCodeAt(k) === QUOTE) {
        const open = k;
        let close = -1;
        let doubled = false;
        let breaks = 0;
        k++;
        while (k < n) {
          const c = buffer.charCodeAt(k);
          if (c === QUOTE) {
            // A quote at the very end may be the first half of `""`.
            if (k + 1 === n && !final) return -1;
            if (buffer.charCodeAt(k + 1) === QUOTE) {
              doubled = true;
              k += 2;
              continue;
            }
            close = k++;
            break;
          }
          if (c === LF) breaks++;
          k++;
        }
        if (close < 0) {
          if (!final) return -1;
          fields.push(buffer.slice(open + 1));
          const raw = buffer.slice(start).replace(/\r?\n$/u, "");
          out.push({ line: this.line, raw, fields, problem: problem ?? `the quote opened in field ${fields.length} never closes` });
          this.line += innerBreaks + breaks;
          return n;
        }
        innerBreaks += breaks;
        value = buffer.slice(open + 1, close);
        if (doubled) value = value.replaceAll('""', '"');
        quoted = true;
        while (k < n && (isPadding(buffer.charCodeAt(k)) || buffer.charCodeAt(k) === CR)) k++;
        if (k < n && buffer.charCodeAt(k) !== delimiter && buffer.charCodeAt(k) !== LF) {
          problem ??= `text after the closing quote of field ${fields.length + 1}`;
          while (k < n && buffer.charCodeAt(k) !== delimiter && buffer.charCodeAt(k) !== LF) k++;
          value = buffer.slice(fieldStart, k);
          quoted = false;
        }
      } else {
        // A quote inside an unquoted field is taken literally (`12" pipe`): it cannot be misread.
        while (k < n) {
          const c = buffer.charCodeAt(k);
          if (c === delimiter || c === LF) break;
          k++;
        }
        value = buffer.slice(fieldStart, k);
      }
      if (k === n && !final) return -1;
      if (k < n && buffer.charCodeAt(k) === delimiter) {
        fields.push(value);
        fieldStart = k + 1;
        continue;
      }
      if (!quoted && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      fields.push(value);
      let rawEnd = k;
      if (rawEnd > start && buffer.charCodeAt(rawEnd - 1) === CR) rawEnd--;
      out.push({ line: this.line, raw: buffer.slice(start, rawEnd), fields, problem });
      this.line += innerBreaks + (k < n ? 1 : 0);
      return k < n ? k + 1 : n;
    }
  }
}

/**
 * The delimiter of the header (the first line that is not blank): the one of
 * `;` and `,` it holds more of outside quotes. Null while that line has not
 * ended and more text may come.
 */
export function headerDelimiter(text: string, final: boolean): number | null {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuotes = !inQuotes;
      content = true;
    } else if (inQuotes) {
      continue;
    } else if (c === SEMICOLON) {
      semicolons++;
      content = true;
    } else if (c === COMMA) {
      commas++;
      content = true;
    } else if (c === LF) {
      if (content) return semicolons > commas ? SEMICOLON : COMMA;
    } else if (c !== SPACE && c !== TAB && c !== CR && c !== BOM) {
      content = true;
    }
  }
  if (!final) return null;
  return semicolons > commas ? SEMICOLON : COMMA;
}

/**
 * The encoding of a CSV file (formats.md): a UTF-8 BOM means UTF-8; otherwise
 * UTF-8 if every byte of the file is valid UTF-8, else Windows-1252. A whole
 * pass is needed because the first non-ASCII byte may come at any point.
 */
export async function csvEncoding(bytes: AsyncIterable<Buffer>): Promise<TextEncoding> {
  const head = await peekBytes(bytes, 3);
  if (head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  return (await isValidUtf8(bytes)) ? "utf-8" : "windows-1252";
}

/** How numbers are written in a file, which its delimiter decides. */
export interface CsvDialect {
  readonly delimiter: "," | ";";
  readonly decimalMark: DecimalMark;
  /** For messages. */
  readonly numberStyle: string;
}

export const COMMA_DIALECT: CsvDialect = { delimiter: ",", decimalMark: "point", numberStyle: "a decimal point and no thousands separator" };
export const SEMICOLON_DIALECT: CsvDialect = { delimiter: ";", decimalMark: "comma", numberStyle: "a decimal comma and optional space thousands groups" };

export type CsvValues<C extends string> = Readonly<Record<C, string>>;

/** A data row with its values by column name, or why it cannot be split into the header's columns. */
export type CsvRecord<C extends string> = {
  /** nth data row, from 1 (header and blank lines not counted). */
  readonly index: number;
  readonly line: number;
  readonly raw: string;
  readonly dialect: CsvDialect;
} & ({ readonly values: CsvValues<C>; readonly problem: null } | { readonly values: null; readonly problem: string });

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
}

/** Where each wanted column sits in the file's rows. */
class CsvColumns<C extends string> {
  private readonly names: readonly C[];
  private readonly positions: readonly number[];
  private readonly width: number;

  constructor(header: CsvRow, wanted: readonly C[], fileName: string) {
    const names = header.fields.map((field) => field.trim().toLowerCase());
    const missing = wanted.filter((name) => !names.includes(name));
    if (missing.length > 0) throw new UnreadableFileError(`${fileName}: header line ${header.line} lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    const doubled = wanted.filter((name) => names.indexOf(name) !== names.lastIndexOf(name));
    if (doubled.length > 0) throw new UnreadableFileError(`${fileName}: header line ${header.line} names ${doubled.join(", ")} more than once`);
    this.names = wanted;
    this.positions = wanted.map((name) => names.indexOf(name));
    this.width = names.length;
  }

  record(row: CsvRow, index: number, dialect: CsvDialect): CsvRecord<C> {
    const { line, raw, fields } = row;
    if (row.problem !== null) return { index, line, raw, dialect, values: null, problem: row.problem };
    if (fields.length !== this.width) return { index, line, raw, dialect, values: null, problem: `${fields.length} field${fields.length > 1 ? "s" : ""} where the header has ${this.width}` };
    const values = {} as Record<C, string>;
    for (let i = 0; i < this.names.length; i++) values[this.names[i] as C] = (fields[this.positions[i] as number] ?? "").trim();
    return { index, line, raw, dialect, values, problem: null };
  }
}

/**
 * The data rows of a CSV file, in file order, with the wanted columns (all
 * required in the header, in any order and case). Reads `bytes` twice: once
 * to settle the encoding, once to read.
 */
export async function* readCsvRecords<C extends string>(bytes: AsyncIterable<Buffer>, columns: readonly C[], fileName: string): AsyncGenerator<CsvRecord<C>> {
  const encoding = await csvEncoding(bytes);
  const rows: CsvRow[] = [];
  let tokenizer: CsvTokenizer | null = null;
  let dialect = COMMA_DIALECT;
  let head = "";
  let table: CsvColumns<C> | null = null;
  let index = 0;

  function start(delimiter: number): CsvTokenizer {
    dialect = delimiter === SEMICOLON ? SEMICOLON_DIALECT : COMMA_DIALECT;
    const created = new CsvTokenizer(delimiter);
    created.push(head.charCodeAt(0) === BOM ? head.slice(1) : head, rows);
    head = "";
    return created;
  }

  function* records(): Generator<CsvRecord<C>> {
    for (const row of rows) {
      if (isBlank(row.raw)) continue;
      if (table === null) table = new CsvColumns(row, columns, fileName);
      else yield table.record(row, ++index, dialect);
    }
    rows.length = 0;
  }

  for await (const text of decodeText(bytes, encoding)) {
    if (tokenizer === null) {
      // The delimiter is only known once the header line is whole.
      head += text;
      const delimiter = headerDelimiter(head, false);
      if (delimiter === null) {
        if (head.length > MAX_ROW_CHARS) throw new UnreadableFileError(`${fileName}: no header line within the first ${MAX_ROW_CHARS} characters`);
        continue;
      }
      tokenizer = start(delimiter);
    } else {
      tokenizer.push(text, rows);
    }
    yield* records();
  }
  tokenizer ??= start(headerDelimiter(head, true) ?? COMMA);
  tokenizer.end(rows);
  yield* records();
  if (table === null) throw new UnreadableFileError(`${fileName}: no header line`);
}

/** What one CSV feed adds to the common rules: its columns, its key and the checks of a well-formed row. */
export interface CsvFeed<C extends string, R extends Row> {
  readonly columns: readonly C[];
  readonly key: C;
  check(values: CsvValues<C>, dialect: CsvDialect, reference: ReferenceData): Outcome<R>;
}

/** The SourceRecords of a CSV feed: rows that cannot be split are MALFORMED, the rest go through the feed's checks. */
export async function* parseCsvFeed<C extends string, R extends Row>(bytes: AsyncIterable<Buffer>, context: ParseContext, feed: CsvFeed<C, R>): AsyncGenerator<SourceRecord<R>> {
  for await (const record of readCsvRecords(bytes, feed.columns, context.fileName)) {
    const position = { line: record.line, message: 0, segment: 0 };
    if (record.problem !== null) {
      yield { index: record.index, position, raw: record.raw, key: null, outcome: { ok: false, reason: "MALFORMED", detail: record.problem } };
      continue;
    }
    const key = record.values[feed.key];
    yield { index: record.index, position, raw: record.raw, key: key === "" ? null : key, outcome: feed.check(record.values, record.dialect, context.reference) };
  }
}

// Checks common to the fields of both CSV feeds.

/** Port, vessel-call and invoice times without an offset are Lomé time (formats.md, "Local time"). */
export const PORT_ZONE = "Africa/Lome";

export function reject<R extends Row>(reason: ReasonCode, detail: string, candidate?: R): Outcome<R> {
  return candidate === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, candidate };
}

/** The first failure among required fields left empty, naming all of them. */
export function missingFields<C extends string>(values: CsvValues<C>, required: readonly C[]): Outcome<never> | null {
  const empty = required.filter((column) => values[column] === "");
  if (empty.length === 0) return null;
  return { ok: false, reason: "MISSING_FIELD", detail: `required field${empty.length > 1 ? "s" : ""} ${empty.join(", ")} empty` };
}

export function badTimestamp(column: string, text: string): string {
  return `${column} ${JSON.stringify(text)}: not a date-time (YYYY-MM-DD HH:MM[:SS], DD/MM/YYYY HH:MM, or ISO 8601 with an offset)`;
}

export function badNumber(column: string, text: string, dialect: CsvDialect): string {
  return `${column} ${JSON.stringify(text)}: not a number written with ${dialect.numberStyle} (the "${dialect.delimiter}" dialect)`;
}
