import type { DerivedFact } from "./derived-fact.js";

/**
 * Ship waiting (arrived → berthed) and turnaround (arrived → departed), dated
 * by arrival. Filling fact_ship_calls_stage also fills the hourly rollup's
 * staging table, through the materialized view mv_ship_calls_hourly.
 */
export const shipCalls: DerivedFact = {
  name: "ship-calls",
  sources: ["vessel-calls"],
  tables: [
    { live: "fact_ship_calls", stage: "fact_ship_calls_stage" },
    { live: "rollup_ship_calls_hourly", stage: "rollup_ship_calls_hourly_stage" },
  ],
  build: [
    `INSERT INTO fact_ship_calls_stage
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
  ],
};
