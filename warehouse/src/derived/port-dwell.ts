import type { DerivedFact } from "./derived-fact.js";

/**
 * Port dwell (formats.md): a gate-out pairs with the latest earlier discharge
 * of the same container (ASOF JOIN); it counts when that discharge is a full
 * import (status 3, full). Its country is that of the import declaration
 * listing the container (IM8: destination; IM4 at Lomé: Togo): the latest one
 * registered before the gate-out, and not more than 30 days before the
 * discharge, so a box reused years later does not inherit an old declaration.
 */
export const portDwell: DerivedFact = {
  name: "port-dwell",
  sources: ["container-events", "customs-declarations"],
  tables: [{ live: "fact_port_dwell", stage: "fact_port_dwell_stage" },
    // Filled by the view mv_port_dwell_hourly as the facts land in staging.
    { live: "rollup_port_dwell_hourly", stage: "rollup_port_dwell_hourly_stage" }],
  build: [
    `INSERT INTO fact_port_dwell_stage
WITH
    gate_outs AS (
        SELECT toString(container_no) AS container_no, event_at AS gate_out_at, terminal
        FROM container_events FINAL
        WHERE event = 'GATE_OUT' AND toYYYYMM(event_at) IN {months:Array(UInt32)}
    ),
    discharges AS (
        SELECT toString(container_no) AS container_no, event_at AS discharge_at, status, full, size_type, teu
        FROM container_events FINAL
        WHERE event = 'DISCHARGE' AND toString(container_no) IN (SELECT container_no FROM gate_outs)
    ),
    paired AS (
        SELECT g.container_no AS container_no, g.gate_out_at AS gate_out_at, g.terminal AS terminal,
               d.discharge_at AS discharge_at, d.status AS status, d.full AS full, d.size_type AS size_type, d.teu AS teu
        FROM gate_outs AS g
        ASOF INNER JOIN discharges AS d ON g.container_no = d.container_no AND g.gate_out_at >= d.discharge_at
    ),
    listed AS (
        SELECT container_no, registered_at, declaration_id, regime, country, route
        FROM (
            SELECT arrayJoin(\`containers.identity\`) AS container_no, registered_at, declaration_id, toString(regime) AS regime,
                   toString(if(regime = 'IM8', destination_country, office_country)) AS country, toString(route) AS route
            FROM customs_declarations FINAL
            WHERE cancelled = 0 AND (regime = 'IM8' OR (regime = 'IM4' AND office_country = 'TG'))
        )
        WHERE container_no IN (SELECT container_no FROM gate_outs)
    )
SELECT
    p.container_no,
    p.gate_out_at,
    p.discharge_at,
    toUInt32(dateDiff('second', p.discharge_at, p.gate_out_at)) AS dwell_s,
    p.terminal,
    p.size_type,
    p.teu,
    -- A declaration counts when it was registered at most 30 days before the discharge.
    if((l.declaration_id != '' AND l.registered_at >= p.discharge_at - INTERVAL 30 DAY) AS matched, l.country, '') AS country,
    if(matched, l.declaration_id, '') AS declaration_id,
    if(matched, l.regime, '') AS regime,
    if(matched, l.route, '') AS route
FROM paired AS p
LEFT ASOF JOIN listed AS l ON p.container_no = l.container_no AND p.gate_out_at >= l.registered_at
WHERE p.status = 3 AND p.full = 1`,
  ],
};
