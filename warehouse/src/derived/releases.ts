import { DECLARATION_COUNTRY, DECLARATION_DIRECTION, type DerivedFact } from "./derived-fact.js";

/**
 * Customs release time (registration → BAE), dated by the release, for every
 * non-cancelled declaration released, IM4 that end an IM8 included. A release
 * recorded before its registration is an error of the source and is left out
 * rather than counted as zero.
 */
export const releases: DerivedFact = {
  name: "releases",
  sources: ["customs-declarations"],
  tables: [{ live: "fact_releases", stage: "fact_releases_stage" },
    // Filled by the view mv_releases_hourly as the facts land in staging.
    { live: "rollup_releases_hourly", stage: "rollup_releases_hourly_stage" }],
  build: [
    `INSERT INTO fact_releases_stage
SELECT
    d.declaration_id,
    assumeNotNull(d.released_at) AS released_at,
    d.registered_at,
    toUInt32(dateDiff('second', d.registered_at, assumeNotNull(d.released_at))) AS release_s,
    d.office,
    d.regime,
    ${DECLARATION_DIRECTION} AS direction,
    ${DECLARATION_COUNTRY} AS country,
    d.route
FROM customs_declarations AS d FINAL
WHERE d.cancelled = 0 AND d.released_at IS NOT NULL
  AND toYYYYMM(assumeNotNull(d.released_at)) IN {months:Array(UInt32)}
  AND assumeNotNull(d.released_at) >= d.registered_at`,
  ],
};
