import type { ClickHouseSettings } from "@clickhouse/client";

/**
 * Settings the platform sets per statement. The embedded engine applies a
 * statement's settings with `SET`, which stays on its session afterwards; so
 * every statement asks for every managed setting, defaults included, and one
 * statement's choice can never leak into the next one on the same session
 * (the session pool then sends only the values that session does not hold).
 * A setting that is not listed here cannot be passed per statement.
 */
export interface StatementSettings {
  /** Seconds; ClickHouse stops the statement with TIMEOUT_EXCEEDED after it. */
  readonly max_execution_time: number;
  /** The statement's tag; lands in system.query_log on a server. */
  readonly log_comment: string;
  /** Time zone that toStartOf*() and friends use when not told otherwise. */
  readonly session_timezone: string;
  /** Caps on rows and bytes a read may return (0 = no cap). */
  readonly max_result_rows: number;
  readonly max_result_bytes: number;
  readonly result_overflow_mode: "throw" | "break";
  /** Lets one query build several partitions in one insert (refresh steps). */
  readonly max_partitions_per_insert_block: number;
  /** Outer joins give NULL for a missing side, not 0: an empty cell is null, never 0. */
  readonly join_use_nulls: 0 | 1;
  /**
   * REPLACE PARTITION from a staging table that has no rows for that month
   * empties the month: wanted when a rebuild leaves a month empty, refused by
   * default because elsewhere it is a silent drop. Only refresh steps set it.
   */
  readonly allow_replace_partition_from_empty_source: 0 | 1;
}

export type StatementSettingOverrides = Partial<Omit<StatementSettings, "log_comment" | "max_execution_time">>;

/** Client-level settings: they do not vary by statement, so they are safe on a session. */
export const CLIENT_SETTINGS: ClickHouseSettings = {
  // 64-bit integers as JSON strings: numbers lose precision past 2^53, and sums grow past it.
  output_format_json_quote_64bit_integers: 1,
  output_format_json_quote_decimals: 1,
  // Dates as ISO 8601 with a Z, so no reader guesses a time zone.
  date_time_output_format: "iso",
  date_time_input_format: "best_effort",
  // On a cluster, an insert returns once its rows are on their shards, so the step after it sees them.
  distributed_foreground_insert: 1,
  // On a cluster, a subquery or join on a Distributed table reads every shard (GLOBAL), so derived
  // facts built on the initiator see all the rows they join; a no-op on one node.
  distributed_product_mode: "global",
  parallel_distributed_insert_select: "0",
};

const DEFAULTS: Omit<StatementSettings, "log_comment" | "max_execution_time"> = {
  session_timezone: "UTC",
  max_result_rows: 0,
  max_result_bytes: 0,
  result_overflow_mode: "throw",
  max_partitions_per_insert_block: 1000,
  join_use_nulls: 0,
  allow_replace_partition_from_empty_source: 0,
};

const TAG = /^[A-Za-z0-9_.:/-]{1,120}$/u;

/** A tag names the call site (`api:overview`, `etl:container-events:insert`); it must be short and plain. */
export function checkTag(tag: string): string {
  if (!TAG.test(tag)) throw new TypeError(`invalid statement tag ${JSON.stringify(tag)}: use [A-Za-z0-9_.:/-], at most 120 characters`);
  return tag;
}

export function statementSettings(tag: string, timeoutMs: number, overrides: StatementSettingOverrides = {}): ClickHouseSettings {
  const settings: StatementSettings = {
    ...DEFAULTS,
    ...overrides,
    // ClickHouse takes seconds; keep fractions so a 250 ms budget is not rounded to 0 (= no limit).
    max_execution_time: Math.max(timeoutMs, 1) / 1000,
    log_comment: checkTag(tag),
  };
  return { ...settings } as unknown as ClickHouseSettings;
}
