import type { FeedId, TableName } from "@corridor/warehouse";
import type { Column } from "./tab-separated.js";
import type { Parser, ReferenceData, Row, SourceRecord } from "./types.js";

/** Records a feed-specific check refused once what was loaded before is known. */
export interface StateRefusal {
  readonly index: number;
  readonly reason: "OFFICE_NOT_ON_ROUTE" | "BEFORE_DEPARTURE";
  readonly detail: string;
}

/** Everything the loader needs to know about one feed. */
export interface FeedSpec<R extends Row> {
  readonly id: FeedId;
  readonly table: TableName;
  readonly parse: Parser<R>;
  /** The table's columns in TabSeparated order, bookkeeping columns (_version, _hash, _load_id, _record) excluded. */
  readonly columns: readonly Column[];
  /** Source rank, the high part of _version: exported_at for declarations, recordedAt for movements, 0 otherwise. */
  rank(row: R): bigint;
  /** The record's values as canonical text, for its content hash (a batch's exported_at is not one of them). */
  identity(row: R): string;
  /** The months (YYYYMM) whose derived facts this record feeds. */
  months(row: R): number[];
  /** The latest event time in the record (UTC `YYYY-MM-DD HH:MM:SS`), for the data's freshness. */
  eventAt(row: R): string;
  /**
   * Months of the versions now in force for some keys, before new versions
   * replace them (a corrected date moves a record to another month, and the
   * old month must be rebuilt too). Takes {keys:Array(String)}; returns rows {m}.
   * Absent when the key holds the record's only date.
   */
  readonly previousMonthsSql?: string;
  /** Checks that need what was loaded before (transit: the movement's route and departure). */
  checkAgainstState?(records: readonly SourceRecord<R>[], state: StateLookup): Promise<StateRefusal[]>;
}

/** Read access for state checks, within the load's chunk order. */
export interface StateLookup {
  query<T>(sql: string, params: Record<string, unknown>, tag: string): Promise<T[]>;
  readonly reference: ReferenceData;
}

/** YYYYMM of a `YYYY-MM-DD…` text. */
export function monthOfText(text: string): number {
  return Number(text.slice(0, 4)) * 100 + Number(text.slice(5, 7));
}

/** Canonical text of a row's values in a fixed column order. */
export function canonicalValues(row: Row, columns: readonly Column[], skip: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(columns.filter((c) => !skip.has(c.name)).map((c) => row[c.name] ?? null));
}
