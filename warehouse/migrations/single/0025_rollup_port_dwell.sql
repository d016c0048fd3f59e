-- Hourly rollup of fact_port_dwell: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_port_dwell_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_port_dwell_hourly
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    terminal LowCardinality(String),
    route LowCardinality(String),
    dwell_count SimpleAggregateFunction(sum, UInt64),
    dwell_sum_s SimpleAggregateFunction(sum, UInt64),
    dwell_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (country, terminal, route, hour);

CREATE TABLE IF NOT EXISTS rollup_port_dwell_hourly_stage AS rollup_port_dwell_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_port_dwell_hourly TO rollup_port_dwell_hourly_stage AS
SELECT
    toStartOfHour(gate_out_at) AS hour,
    country,
    terminal,
    route,
    count() AS dwell_count,
    sum(toUInt64(dwell_s)) AS dwell_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(dwell_s) AS dwell_q
FROM fact_port_dwell_stage
GROUP BY hour, country, terminal, route;
