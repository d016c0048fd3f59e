import { UnreadableFileError } from "../../core/types.js";

/** The service characters of an interchange, as a `UNA` sets them. */
export interface Separators {
  readonly component: string;
  readonly element: string;
  readonly decimal: string;
  /** Null when the UNA writes a space: the sender uses no release character. */
  readonly release: string | null;
  readonly terminator: string;
}

export const DEFAULT_SEPARATORS: Separators = { component: ":", element: "+", decimal: ".", release: "?", terminator: "'" };

/** One segment (UNA excepted) as it stands in the file. */
export interface Segment {
  readonly tag: string;
  /** The segment as written, release characters kept, without its terminator and line breaks. */
  readonly raw: string;
  /** Position in the file counting from UNB = 1; UNA segments are not counted. */
  readonly index: number;
  /** Line (from 1) of the segment's first character. */
  readonly line: number;
  readonly separators: Separators;
  /** `elements[0]` holds the tag, `elements[n]` the nth data element: its components, release characters removed. */
  readonly elements: readonly (readonly string[])[];
}

/** The nth data element's component, "" when the segment stops before it. */
export function valueAt(segment: Segment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? "";
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const LETTER_U = 85;
const UNA_LENGTH = 9;
/** No real segment comes near this; a longer one means the file has no terminators we understand, and holding it would be unbounded. */
const MAX_SEGMENT_LENGTH = 1 << 20;

class EdifactSegment implements Segment {
  readonly tag: string;
  // Most segments are only looked at by tag (the count pass reads a handful of kinds): split on demand.
  #elements: string[][] | undefined;

  constructor(
    readonly raw: string,
    readonly index: number,
    readonly line: number,
    readonly separators: Separators,
  ) {
    let end = raw.length;
    const element = raw.indexOf(separators.element);
    if (element !== -1) end = element;
    const component = raw.indexOf(separators.component);
    if (component !== -1 && component < end) end = component;
    this.tag = raw.slice(0, end);
  }

  get elements(): readonly (readonly string[])[] {
    this.#elements ??= splitElements(this.raw, this.separators);
    return this.#elements;
  }
}

function splitElements(raw: string, separators: Separators): string[][] {
  // A character loop: several times faster than String.split on segment-sized strings, and it handles release characters in the same pass.
  const elementCode = separators.element.charCodeAt(0);
  const componentCode = separators.component.charCodeAt(0);
  const releaseCode = separators.release === null ? -1 : separators.release.charCodeAt(0);
  const elements: string[][] = [];
  let components: string[] = [];
  /** Text of the current component before its last release character, if it had one. */
  let released = "";
  let from = 0;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === releaseCode) {
      released += raw.slice(from, i) + raw.charAt(i + 1);
      i++;
      from = i + 1;
    } else if (c === elementCode || c === componentCode) {
      components.push(released === "" ? raw.slice(from, i) : released + raw.slice(from, i));
      released = "";
      from = i + 1;
      if (c === elementCode) {
        elements.push(components);
        components = [];
      }
    }
  }
  components.push(released === "" ? raw.slice(from) : released + raw.slice(from));
  elements.push(components);
  return elements;
}

/**
 * Splits EDIFACT text into segments, chunk by chunk, holding no more than the
 * segment being read. A `UNA` (wherever a segment may start) replaces the
 * separators from there on. Line breaks are never data: they are counted for
 * positions and dropped.
 */
export class EdifactTokenizer {
  #separators = DEFAULT_SEPARATORS;
  #terminatorCode = DEFAULT_SEPARATORS.terminator.charCodeAt(0);
  #releaseCode = (DEFAULT_SEPARATORS.release as string).charCodeAt(0);
  /** Text carried over from the previous chunk. */
  #carry = "";
  /** True when the carry still has to be scanned (a possible UNA cut by the chunk end); false when it is a segment already scanned. */
  #carryUnscanned = false;
  #escaped = false;
  #lineBreakInSegment = false;
  #line = 1;
  #afterCR = false;
  #segmentLine = 0;
  #index = 0;

  /** The segments the chunk completes. */
  feed(chunk: string): Segment[] {
    const segments: Segment[] = [];
    this.#scan(chunk, false, segments);
    return segments;
  }

  /** Ends the input: an unterminated last segment is still a segment. */
  finish(): Segment[] {
    const segments: Segment[] = [];
    if (this.#carryUnscanned) this.#scan("", true, segments);
    if (this.#carry !== "") segments.push(this.#segment(this.#carry, this.#segmentLine, this.#lineBreakInSegment));
    this.#carry = "";
    this.#lineBreakInSegment = false;
    this.#escaped = false;
    return segments;
  }

  #scan(chunk: string, final: boolean, segments: Segment[]): void {
    const text = this.#carry === "" ? chunk : this.#carry + chunk;
    const resume = !this.#carryUnscanned && this.#carry !== "";
    let start = resume ? 0 : -1;
    let i = resume ? this.#carry.length : 0;
    this.#carry = "";
    this.#carryUnscanned = false;
    // The loop runs once per character: its state lives in locals, written back when the chunk is done.
    let terminatorCode = this.#terminatorCode;
    let releaseCode = this.#releaseCode;
    let escaped = this.#escaped;
    let afterCR = this.#afterCR;
    let line = this.#line;
    let lineBreakInSegment = this.#lineBreakInSegment;
    let segmentLine = this.#segmentLine;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        if (c === LF && afterCR) afterCR = false;
        else {
          line++;
          afterCR = c === CR;
        }
        if (start !== -1) lineBreakInSegment = true;
        continue;
      }
      afterCR = false;
      if (escaped) {
        escaped = false;
        continue;
      }
      if (c === releaseCode) {
        escaped = true;
      } else if (c === terminatorCode) {
        // Two terminators in a row make an empty segment: nothing to count.
        if (start !== -1) segments.push(this.#segment(text.slice(start, i), segmentLine, lineBreakInSegment));
        start = -1;
        lineBreakInSegment = false;
        continue;
      } else if (start !== -1 || c === SPACE || c === TAB) {
        continue;
      } else if (c === LETTER_U) {
        const rest = n - i;
        if (rest < UNA_LENGTH && !final && "UNA".startsWith(text.slice(i, i + 3))) {
          // Too little text to tell a UNA from another segment, or to read its service characters: wait for the next chunk.
          this.#carry = text.slice(i);
          this.#carryUnscanned = true;
          break;
        }
        if (rest >= UNA_LENGTH && text.startsWith("UNA", i)) {
          this.#setSeparators(text.slice(i + 3, i + UNA_LENGTH));
          terminatorCode = this.#terminatorCode;
          releaseCode = this.#releaseCode;
          i += UNA_LENGTH - 1;
          continue;
        }
      }
      if (start === -1) {
        start = i;
        segmentLine = line;
      }
    }
    this.#escaped = escaped;
    this.#afterCR = afterCR;
    this.#line = line;
    this.#lineBreakInSegment = lineBreakInSegment;
    this.#segmentLine = segmentLine;
    if (start !== -1) {
      this.#carry = text.slice(start);
      if (this.#carry.length > MAX_SEGMENT_LENGTH) {
        throw new UnreadableFileError(`EDIFACT segment at line ${segmentLine} runs over ${MAX_SEGMENT_LENGTH} characters without a terminator "${this.#separators.terminator}"`);
      }
    }
  }

  #setSeparators(service: string): void {
    const [component = ":", element = "+", decimal = ".", release = "?", , terminator = "'"] = service;
    this.#separators = { component, element, decimal, release: release === " " ? null : release, terminator };
    this.#terminatorCode = terminator.charCodeAt(0);
    this.#releaseCode = release === " " ? -1 : release.charCodeAt(0);
  }

  #segment(text: string, line: number, hasLineBreak: boolean): Segment {
    this.#index++;
    return new EdifactSegment(hasLineBreak ? text.replace(/[\r\n]/gu, "") : text, this.#index, line, this.#separators);
  }
}

/**
 * The segments of a stream of EDIFACT text, in order, in batches: one per
 * chunk of text that completes a segment. Batches rather than single segments
 * because each step of an async iteration costs far more than reading a segment.
 */
export async function* tokenizeEdifact(text: AsyncIterable<string>): AsyncGenerator<readonly Segment[]> {
  const tokenizer = new EdifactTokenizer();
  for await (const chunk of text) {
    const segments = tokenizer.feed(chunk);
    if (segments.length > 0) yield segments;
  }
  const last = tokenizer.finish();
  if (last.length > 0) yield last;
}
