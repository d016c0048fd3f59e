-- Hourly rollup of fact_releases: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_releases_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_releases_hourly
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    direction LowCardinality(String),
    route LowCardinality(String),
    office LowCardinality(String),
    release_count SimpleAggregateFunction(sum, UInt64),
    release_sum_s SimpleAggregateFunction(sum, UInt64),
    release_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, route, office, hour);

CREATE TABLE IF NOT EXISTS rollup_releases_hourly_stage AS rollup_releases_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_releases_hourly TO rollup_releases_hourly_stage AS
SELECT
    toStartOfHour(released_at) AS hour,
    country,
    direction,
    route,
    office,
    count() AS release_count,
    sum(toUInt64(release_s)) AS release_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(release_s) AS release_q
FROM fact_releases_stage
GROUP BY hour, country, direction, route, office;
