-- Hourly rollup of fact_transits: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_transits_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_transits_hourly
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    route LowCardinality(String),
    direction LowCardinality(String),
    transit_count SimpleAggregateFunction(sum, UInt64),
    transit_sum_s SimpleAggregateFunction(sum, UInt64),
    transit_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (country, route, direction, hour);

CREATE TABLE IF NOT EXISTS rollup_transits_hourly_stage AS rollup_transits_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_transits_hourly TO rollup_transits_hourly_stage AS
SELECT
    toStartOfHour(completed_at) AS hour,
    country,
    route,
    direction,
    count() AS transit_count,
    sum(toUInt64(transit_s)) AS transit_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(transit_s) AS transit_q
FROM fact_transits_stage
GROUP BY hour, country, route, direction;
