import { SaxesParser } from "saxes";
import { UnreadableFileError } from "../../core/types.js";

/**
 * Streaming capture of the record elements of an XML export: either a batch
 * root holding record elements, or a lone record element as the root. Only the
 * current record's text and content are held in memory, so files of any size
 * stream through.
 */

/** Where the XML stopped being well-formed. */
export interface XmlBreak {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface RootElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Builds one record's content from the elements inside it, named by their path from the record element (`Identification/Registration/Number`). */
export interface RecordCollector<T> {
  /** An element opens; returning true asks for its text when it closes. */
  enter(path: string): boolean;
  leave(path: string, text: string): void;
  result(): T;
}

export interface RecordLayout<T> {
  readonly batchRoot: string;
  readonly recordElement: string;
  newCollector(): RecordCollector<T>;
}

export type XmlRecordEvent<T> =
  | {
      readonly kind: "record";
      /** nth record element of the file, from 1. */
      readonly ordinal: number;
      /** Line of the record's `<`. */
      readonly line: number;
      /** The element's text as decoded; up to the break when `broken`. */
      readonly raw: string;
      readonly root: RootElement;
      readonly content: T;
      readonly broken: XmlBreak | null;
    }
  | {
      /** What follows a well-formedness error: it cannot be parsed, but it is kept. */
      readonly kind: "remainder";
      readonly ordinal: number;
      readonly line: number;
      readonly raw: string;
      readonly broken: XmlBreak;
    };

/** Counts line breaks the way XML does: LF, CR LF and a lone CR each end a line. */
function countLineBreaks(text: string, start: number, end: number): number {
  // indexOf scans natively, far faster than a loop over every character.
  let breaks = 0;
  for (let i = text.indexOf("\n", start); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) breaks++;
  for (let i = text.indexOf("\r", start); i >= 0 && i < end; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) breaks++;
  return breaks;
}

interface OpenRecord<T> {
  readonly collector: RecordCollector<T>;
  /** Paths of the open elements inside the record, innermost last. */
  readonly paths: string[];
  capture: { readonly depth: number; text: string } | null;
}

/** An element directly under the batch root (or the lone root record) that is still open. */
interface OpenOuter<T> {
  /** Offset of its `<` in the decoded stream. */
  readonly start: number;
  readonly line: number;
  readonly depth: number;
  /** Null for elements other than records: their text is kept only in case the XML breaks inside them. */
  readonly record: OpenRecord<T> | null;
}

class XmlRecordScanner<T> {
  private readonly parser = new SaxesParser();
  /** Decoded text from `bufferStart` on: what the current record, or a tag split across chunks, still needs. */
  private buffer = "";
  private bufferStart = 0;
  private bufferStartLine = 1;
  /** The last line number worked out; offsets asked for only move forward, so counting on from here reads each character once. */
  private lineMark = { offset: 0, line: 1 };
  private root: RootElement | null = null;
  private rootOpened = false;
  private depth = 0;
  private outer: OpenOuter<T> | null = null;
  /** End of the last element under the root that was handled whole. */
  private consumedTo = 0;
  private ordinal = 0;
  private broken: XmlBreak | null = null;
  private remainder: { readonly line: number; text: string } | null = null;
  private pending: XmlRecordEvent<T>[] = [];

  constructor(
    private readonly layout: RecordLayout<T>,
    private readonly fileName: string,
  ) {
    const parser = this.parser;
    parser.on("opentagstart", (tag) => {
      if (this.broken) return;
      if (this.depth === 0) {
        // A second root: saxes reports it as an error right after this event.
        if (this.root) return;
        if (tag.name !== layout.batchRoot && tag.name !== layout.recordElement) {
          throw new UnreadableFileError(`${fileName}: root element <${tag.name}> is neither <${layout.batchRoot}> nor <${layout.recordElement}>`);
        }
        this.root = { name: tag.name, attributes: {} };
        if (tag.name === layout.recordElement) this.openOuter(tag.name, true);
      } else if (this.depth === 1 && this.root?.name === layout.batchRoot) {
        this.openOuter(tag.name, tag.name === layout.recordElement);
      }
    });
    parser.on("opentag", (tag) => {
      if (this.broken) return;
      if (this.depth === 0 && this.root) {
        this.root = { name: this.root.name, attributes: tag.attributes };
        this.rootOpened = true;
        this.consumedTo = parser.position;
      }
      const outer = this.outer;
      if (outer?.record && this.depth > outer.depth) {
        const record = outer.record;
        const parent = record.paths.at(-1);
        const path = parent === undefined ? tag.name : `${parent}/${tag.name}`;
        record.paths.push(path);
        if (!record.capture && record.collector.enter(path)) record.capture = { depth: record.paths.length, text: "" };
      }
      this.depth++;
    });
    parser.on("closetag", () => {
      if (this.broken) return;
      this.depth--;
      const outer = this.outer;
      if (!outer) return;
      if (this.depth === outer.depth) {
        this.closeOuter(outer);
        return;
      }
      const record = outer.record;
      if (record && this.depth > outer.depth) {
        const path = record.paths.pop();
        if (record.capture && record.capture.depth === record.paths.length + 1 && path !== undefined) {
          record.collector.leave(path, record.capture.text);
          record.capture = null;
        }
      }
    });
    const onText = (text: string) => {
      const capture = this.outer?.record?.capture;
      if (capture && !this.broken) capture.text += text;
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("error", (error) => this.onError(error));
  }

  feed(chunk: string): void {
    if (this.remainder) {
      this.remainder.text += chunk;
      return;
    }
    this.buffer += chunk;
    this.parser.write(chunk);
    if (!this.broken) this.trim();
  }

  finish(): void {
    if (!this.broken) this.parser.close();
    if (this.broken && this.remainder && /\S/u.test(this.remainder.text)) {
      this.pending.push({ kind: "remainder", ordinal: ++this.ordinal, line: this.remainder.line, raw: this.remainder.text, broken: this.broken });
    }
  }

  drain(): XmlRecordEvent<T>[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  private lineAt(offset: number): number {
    const from = offset >= this.lineMark.offset ? this.lineMark : { offset: this.bufferStart, line: this.bufferStartLine };
    const line = from.line + countLineBreaks(this.buffer, from.offset - this.bufferStart, offset - this.bufferStart);
    this.lineMark = { offset, line };
    return line;
  }

  private slice(from: number, to?: number): string {
    return this.buffer.slice(from - this.bufferStart, to === undefined ? undefined : to - this.bufferStart);
  }

  private openOuter(name: string, isRecord: boolean): void {
    // saxes reports a tag once its name and the character after it are read; the `<` is just before the name.
    const before = this.parser.position - this.bufferStart - name.length - 1;
    const start = this.bufferStart + Math.max(0, this.buffer.lastIndexOf(`<${name}`, before));
    this.outer = {
      start,
      line: this.lineAt(start),
      depth: this.depth,
      record: isRecord ? { collector: this.layout.newCollector(), paths: [], capture: null } : null,
    };
  }

  private closeOuter(outer: OpenOuter<T>): void {
    const end = this.parser.position;
    if (outer.record && this.root) {
      this.pending.push({ kind: "record", ordinal: ++this.ordinal, line: outer.line, raw: this.slice(outer.start, end), root: this.root, content: outer.record.collector.result(), broken: null });
    }
    this.consumedTo = end;
    this.outer = null;
  }

  private onError(error: Error): void {
    if (this.broken) return;
    const parser = this.parser;
    // saxes prefixes "line:column: " and ends with a period; the position is reported separately.
    const message = error.message.replace(/^\d+:\d+: /u, "").replace(/\.$/u, "");
    const outer = this.outer;
    if (!this.rootOpened && !outer?.record) {
      throw new UnreadableFileError(`${this.fileName}: not a readable XML file (line ${parser.line}, column ${parser.column}: ${message})`);
    }
    const broken: XmlBreak = { line: parser.line, column: parser.column, message };
    const at = parser.position;
    // Past an error the parser's view of the document cannot be trusted, so the text from there on is kept whole, unparsed.
    let restFrom: number;
    if (outer?.record && this.root) {
      this.pending.push({ kind: "record", ordinal: ++this.ordinal, line: outer.line, raw: this.slice(outer.start, at), root: this.root, content: outer.record.collector.result(), broken });
      restFrom = at;
    } else {
      restFrom = outer ? outer.start : Math.max(this.consumedTo, this.bufferStart);
    }
    this.broken = broken;
    this.remainder = { line: this.lineAt(restFrom), text: this.slice(restFrom) };
    this.buffer = "";
    this.outer = null;
  }

  /** Drops the text no record can need any more. */
  private trim(): void {
    // saxes' `position` is only meaningful inside its events; between writes, the parser has read all the text fed to it
    // except possibly a last CR or high surrogate, which it holds back until it sees the next character.
    let keep = this.bufferStart + this.buffer.length - 1;
    if (this.outer) {
      keep = this.outer.start;
    } else {
      // A tag cut by the chunk boundary has not been reported yet: its `<` must stay.
      const open = this.buffer.lastIndexOf("<");
      if (open >= 0 && this.buffer.indexOf(">", open) < 0) keep = Math.min(keep, this.bufferStart + open);
    }
    let cut = keep - this.bufferStart;
    // Never between CR and LF, so that line counting sees the pair whole.
    if (cut > 0 && this.buffer.charCodeAt(cut - 1) === 13) cut--;
    if (cut <= 0) return;
    this.bufferStartLine = this.lineAt(this.bufferStart + cut);
    this.buffer = this.buffer.slice(cut);
    this.bufferStart += cut;
  }
}

/** The record elements of an XML text stream, in file order; an unknown root or a file that is not XML throws UnreadableFileError. */
export async function* readXmlRecords<T>(text: AsyncIterable<string>, layout: RecordLayout<T>, fileName: string): AsyncGenerator<XmlRecordEvent<T>> {
  const scanner = new XmlRecordScanner(layout, fileName);
  for await (const chunk of text) {
    scanner.feed(chunk);
    yield* scanner.drain();
  }
  scanner.finish();
  yield* scanner.drain();
}
