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
  /** Source rank, the high part of _version: exported_at for declarations, recordedAt for movements, 0 otherwise (epoch ms + 1). */
  rank(row: R): number;
  /**
   * Columns that are not part of a record's values (formats.md: a batch's
   * exported_at is not; envelope references are not). The others, written as
   * TabSeparated text, are what the content hash covers: the same values in
   * another dialect or encoding hash the same.
   */
  readonly notValues?: ReadonlySet<string>;
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
  /**
   * Checks that need what was loaded before (transit: the movement's route and
   * departure). `previous` holds this batch's earlier records not flushed to
   * the warehouse yet, in order: they count as loaded before this chunk.
   */
  checkAgainstState?(records: readonly SourceRecord<R>[], state: StateLookup, previous: readonly SourceRecord<R>[]): Promise<StateRefusal[]>;
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

/** A spec's columns split into the record's values and the rest, in the order rows are written. */
export function valueColumns(spec: FeedSpec<Row>): { values: readonly Column[]; others: readonly Column[] } {
  const skip = spec.notValues ?? new Set<string>();
  return { values: spec.columns.filter((c) => !skip.has(c.name)), others: spec.columns.filter((c) => skip.has(c.name)) };
}
