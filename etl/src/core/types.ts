import type { FeedId } from "@corridor/warehouse";
import type { ReasonCode } from "./reasons.js";

/** Where a record sits in its file. 0 means "does not apply". */
export interface Position {
  /** Line the record starts on, from 1. */
  readonly line: number;
  /** EDIFACT: the nth UNH of the file, from 1. */
  readonly message: number;
  /** EDIFACT: index of the record's first segment (its EQD) in the file, UNB = 1, UNA not counted. */
  readonly segment: number;
}

/** A value ready for the warehouse: strings as they are, numbers and decimals as canonical text, times in UTC. */
export type Cell = string | number | null | readonly string[] | readonly (string | number | null)[];
export type Row = Readonly<Record<string, Cell>>;

export type Outcome<R extends Row> =
  | { readonly ok: true; readonly row: R }
  | {
      readonly ok: false;
      readonly reason: ReasonCode;
      /** What exactly is wrong, for people: field, value, expectation. */
      readonly detail: string;
      /** The fully parsed row when only a check failed (bad check digit, unknown code…); it makes the same bad record re-sent a duplicate. */
      readonly candidate?: R;
    };

/** One record of a file, as a parser yields it: loaded or quarantined later, never dropped. */
export interface SourceRecord<R extends Row> {
  /** nth record of the file, from 1 (blank JSON lines are not records). */
  readonly index: number;
  readonly position: Position;
  /** The record's text as it stands in the file, decoded. */
  readonly raw: string;
  /** Natural key when it could be read (formats.md), else null. */
  readonly key: string | null;
  readonly outcome: Outcome<R>;
}

export interface Office {
  readonly code: string;
  readonly country: string;
  readonly kind: string;
  readonly timezone: string;
}

export interface Route {
  readonly code: string;
  readonly destinationCountry: string;
  /** In the import direction, Lomé first. */
  readonly offices: readonly string[];
}

/** Code lists the parsers check against, read from the warehouse once per load. */
export interface ReferenceData {
  readonly offices: ReadonlyMap<string, Office>;
  readonly routes: ReadonlyMap<string, Route>;
  readonly terminals: ReadonlySet<string>;
  readonly feeCodes: ReadonlySet<string>;
  readonly taxCodes: ReadonlySet<string>;
}

export interface ParseContext {
  readonly reference: ReferenceData;
  /** File name, for messages. */
  readonly fileName: string;
}

/** A parser reads the decompressed bytes of one file and yields its records in file order. */
export type Parser<R extends Row> = (bytes: AsyncIterable<Buffer>, context: ParseContext) => AsyncIterable<SourceRecord<R>>;

/** Thrown by a parser when the file as a whole cannot be read (nothing in it is a record): the load fails. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

export type { FeedId };
