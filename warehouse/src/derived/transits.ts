import { REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";
import { DEPARTURES } from "./transit-movements.js";

/** Corridor transit (DEPARTED → COMPLETED), dated by COMPLETED; the country is the route's destination. */
export const transits: DerivedFact = {
  name: "transits",
  sources: ["transit-movements"],
  tables: [{ live: "fact_transits", stage: "fact_transits_stage" },
    // Filled by the view mv_transits_hourly as the facts land in staging.
    { live: "rollup_transits_hourly", stage: "rollup_transits_hourly_stage" }],
  build: [
    `INSERT INTO fact_transits_stage
WITH
    ${REFERENCE_MAPS.officeKind},
    ${REFERENCE_MAPS.routeCountry},
    completed AS (
        SELECT movement, toString(office) AS completed_office, at AS completed_at
        FROM transit_events FINAL
        WHERE event = 'COMPLETED' AND toYYYYMM(at) IN {months:Array(UInt32)}
    ),
    ${DEPARTURES}
SELECT
    c.movement,
    d.route,
    d.direction,
    route_country[d.route] AS country,
    d.declaration,
    d.departed_office,
    d.departed_at,
    c.completed_office,
    c.completed_at,
    toUInt32(dateDiff('second', d.departed_at, c.completed_at)) AS transit_s,
    d.truck,
    d.containers,
    d.escort
FROM completed AS c
INNER JOIN departed AS d ON c.movement = d.movement
WHERE c.completed_at >= d.departed_at`,
  ],
};
