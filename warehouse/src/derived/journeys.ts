import { REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";
import { DEPARTURES } from "./transit-movements.js";

/**
 * A container's journey: for each container of a completed import movement,
 * its discharge (the latest before the truck left), its declaration's
 * registration and release, its gate-out (the latest before departure), and
 * the truck's departure and arrival; end-to-end = discharge → arrival.
 */
export const journeys: DerivedFact = {
  name: "journeys",
  sources: ["transit-movements", "container-events", "customs-declarations"],
  tables: [{ live: "fact_journeys", stage: "fact_journeys_stage" },
    // Filled by the view mv_journeys_hourly as the facts land in staging.
    { live: "rollup_journeys_hourly", stage: "rollup_journeys_hourly_stage" }],
  build: [
    `INSERT INTO fact_journeys_stage
WITH
    ${REFERENCE_MAPS.officeKind},
    ${REFERENCE_MAPS.routeCountry},
    completed AS (
        SELECT movement, at AS completed_at
        FROM transit_events FINAL
        WHERE event = 'COMPLETED' AND toYYYYMM(at) IN {months:Array(UInt32)}
    ),
    ${DEPARTURES},
    trips AS (
        SELECT c.movement AS movement, d.route AS route, route_country[d.route] AS country, d.declaration AS declaration,
               d.departed_at AS departed_at, c.completed_at AS completed_at, arrayJoin(d.containers) AS container_no
        FROM completed AS c
        INNER JOIN departed AS d ON c.movement = d.movement
        WHERE d.direction = 'import' AND c.completed_at >= d.departed_at
    ),
    discharges AS (
        SELECT toString(container_no) AS container_no, event_at AS discharge_at
        FROM container_events FINAL
        WHERE event = 'DISCHARGE' AND toString(container_no) IN (SELECT container_no FROM trips)
    ),
    gate_outs AS (
        SELECT toString(container_no) AS container_no, event_at AS gate_out_at
        FROM container_events FINAL
        WHERE event = 'GATE_OUT' AND toString(container_no) IN (SELECT container_no FROM trips)
    ),
    declarations AS (
        SELECT declaration_id, registered_at, released_at
        FROM customs_declarations FINAL
        WHERE declaration_id IN (SELECT declaration FROM trips)
    )
SELECT
    t.movement,
    t.container_no,
    t.route,
    t.country,
    t.declaration AS declaration_id,
    d.discharge_at,
    if(decl.declaration_id = '', NULL, decl.registered_at) AS registered_at,
    if(decl.declaration_id = '', NULL, decl.released_at) AS released_at,
    if(g.container_no = '', NULL, g.gate_out_at) AS gate_out_at,
    t.departed_at,
    t.completed_at,
    toUInt32(dateDiff('second', d.discharge_at, t.completed_at)) AS end_to_end_s
FROM trips AS t
ASOF INNER JOIN discharges AS d ON t.container_no = d.container_no AND t.departed_at >= d.discharge_at
ASOF LEFT JOIN gate_outs AS g ON t.container_no = g.container_no AND t.departed_at >= g.gate_out_at
LEFT JOIN declarations AS decl ON decl.declaration_id = t.declaration`,
  ],
};
