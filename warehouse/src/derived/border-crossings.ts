import { REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";
import { DEPARTURES } from "./transit-movements.js";

/**
 * Border crossings (formats.md): the pairs of consecutive offices of a
 * movement's route, in its direction of travel, whose countries differ; each
 * crossing runs from ARRIVED at the exit office to RELEASED at the entry
 * office of the next country, and is dated by that RELEASED.
 */
export const borderCrossings: DerivedFact = {
  name: "border-crossings",
  sources: ["transit-movements"],
  tables: [{ live: "fact_border_crossings", stage: "fact_border_crossings_stage" },
    // Filled by the view mv_border_crossings_hourly as the facts land in staging.
    { live: "rollup_border_crossings_hourly", stage: "rollup_border_crossings_hourly_stage" }],
  build: [
    `INSERT INTO fact_border_crossings_stage
WITH
    ${REFERENCE_MAPS.officeKind},
    ${REFERENCE_MAPS.officeCountry},
    ${REFERENCE_MAPS.routeOffices},
    ${REFERENCE_MAPS.routeCountry},
    released AS (
        SELECT movement, toString(office) AS office, at
        FROM transit_events FINAL
        WHERE event = 'RELEASED' AND toYYYYMM(at) IN {months:Array(UInt32)}
    ),
    ${DEPARTURES},
    borders AS (
        SELECT movement, route, direction, pair.1 AS exit_office, pair.2 AS entry_office
        FROM (
            SELECT movement, route, direction,
                   if(direction = 'import', route_offices[route], arrayReverse(route_offices[route])) AS travel
            FROM departed
            WHERE movement IN (SELECT movement FROM released)
        )
        ARRAY JOIN arrayFilter(p -> office_country[p.1] != office_country[p.2], arrayZip(arrayPopBack(travel), arrayPopFront(travel))) AS pair
    ),
    arrived AS (
        SELECT movement, toString(office) AS office, at
        FROM transit_events FINAL
        WHERE event = 'ARRIVED' AND movement IN (SELECT movement FROM released)
    )
SELECT
    b.movement,
    b.route,
    b.direction,
    concat(b.exit_office, '>', b.entry_office) AS border,
    b.exit_office,
    b.entry_office,
    office_country[b.exit_office] AS exit_country,
    office_country[b.entry_office] AS entry_country,
    route_country[b.route] AS country,
    a.at AS arrived_at,
    r.at AS released_at,
    toUInt32(dateDiff('second', a.at, r.at)) AS crossing_s
FROM borders AS b
INNER JOIN released AS r ON r.movement = b.movement AND r.office = b.entry_office
INNER JOIN arrived AS a ON a.movement = b.movement AND a.office = b.exit_office
WHERE r.at >= a.at`,
  ],
};
