import type { Warehouse } from "../warehouse.js";
import { swapMonths, truncateStages, type StagedTable } from "./refresh-partitions.js";

const TABLES: readonly StagedTable[] = [
  { live: "fact_ship_calls", stage: "fact_ship_calls_stage" },
  // Filled by the materialized view mv_ship_calls_hourly as the facts land in staging.
  { live: "rollup_ship_calls_hourly", stage: "rollup_ship_calls_hourly_stage" },
];

/**
 * Rebuilds ship waiting and turnaround for the given months (YYYYMM of
 * arrival, the date they are counted on) from the deduplicated vessel calls.
 * Callers pass every month a load touched, old and new arrival months alike.
 * Refreshes must not run concurrently: they share the staging tables.
 */
export async function refreshShipCalls(warehouse: Warehouse, months: readonly number[]): Promise<void> {
  if (months.length === 0) return;
  const tag = "derived:ship-calls";
  await truncateStages(warehouse, TABLES, tag);
  await warehouse.command({
    sql: `INSERT INTO fact_ship_calls_stage
SELECT
    call_id,
    terminal,
    imo AS vessel_imo,
    arrived_at,
    toUInt32(dateDiff('second', arrived_at, berthed_at)) AS waiting_s,
    if(departed_at IS NULL, NULL, toUInt32(dateDiff('second', arrived_at, assumeNotNull(departed_at)))) AS turnaround_s,
    teu_discharged + teu_loaded AS teu,
    tonnes_discharged + tonnes_loaded AS tonnes
FROM vessel_calls FINAL
WHERE toYYYYMM(arrived_at) IN {months:Array(UInt32)}`,
    params: { months: [...months] },
    tag: `${tag}:build`,
    timeoutMs: 300_000,
  });
  await swapMonths(warehouse, TABLES, months, tag);
}
