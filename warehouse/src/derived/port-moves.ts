import type { DerivedFact } from "./derived-fact.js";

/** Containers discharged and loaded at every terminal, transshipment included: TEU handled. */
export const portMoves: DerivedFact = {
  name: "port-moves",
  sources: ["container-events"],
  tables: [{ live: "fact_port_moves", stage: "fact_port_moves_stage" },
    // Filled by the view mv_port_moves_hourly as the facts land in staging.
    { live: "rollup_port_moves_hourly", stage: "rollup_port_moves_hourly_stage" }],
  build: [
    `INSERT INTO fact_port_moves_stage
SELECT
    toString(container_no) AS container_no,
    event_at AS moved_at,
    toString(event) AS move,
    terminal,
    multiIf(status = 3, 'import', status = 2, 'export', status = 6, 'transshipment', 'other') AS trade,
    full,
    teu
FROM container_events FINAL
WHERE event IN ('DISCHARGE', 'LOAD') AND toYYYYMM(event_at) IN {months:Array(UInt32)}`,
  ],
};
