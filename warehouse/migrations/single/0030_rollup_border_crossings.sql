-- Hourly rollup of fact_border_crossings: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_border_crossings_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_border_crossings_hourly
(
    hour DateTime('UTC'),
    border LowCardinality(String),
    country LowCardinality(String),
    route LowCardinality(String),
    direction LowCardinality(String),
    crossing_count SimpleAggregateFunction(sum, UInt64),
    crossing_sum_s SimpleAggregateFunction(sum, UInt64),
    crossing_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (border, country, route, direction, hour);

CREATE TABLE IF NOT EXISTS rollup_border_crossings_hourly_stage AS rollup_border_crossings_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_border_crossings_hourly TO rollup_border_crossings_hourly_stage AS
SELECT
    toStartOfHour(released_at) AS hour,
    border,
    country,
    route,
    direction,
    count() AS crossing_count,
    sum(toUInt64(crossing_s)) AS crossing_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(crossing_s) AS crossing_q
FROM fact_border_crossings_stage
GROUP BY hour, border, country, route, direction;
