-- Cluster flavour: the rollup and its staging table are sharded like the facts
-- they are built from (the view runs on each shard, on its own staged facts);
-- reads go through the Distributed table, which merges the shards' states.
--
-- Hourly rollup of fact_border_crossings: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_border_crossings_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_border_crossings_hourly_local ON CLUSTER {{cluster}}
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
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_border_crossings_hourly_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (border, country, route, direction, hour);

CREATE TABLE IF NOT EXISTS rollup_border_crossings_hourly ON CLUSTER {{cluster}} AS rollup_border_crossings_hourly_local
ENGINE = Distributed({{cluster}}, {{database}}, rollup_border_crossings_hourly_local);

CREATE TABLE IF NOT EXISTS rollup_border_crossings_hourly_stage_local ON CLUSTER {{cluster}} AS rollup_border_crossings_hourly_local
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_border_crossings_hourly_stage_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (border, country, route, direction, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_border_crossings_hourly ON CLUSTER {{cluster}} TO rollup_border_crossings_hourly_stage_local AS
SELECT
    toStartOfHour(released_at) AS hour,
    border,
    country,
    route,
    direction,
    count() AS crossing_count,
    sum(toUInt64(crossing_s)) AS crossing_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(crossing_s) AS crossing_q
FROM fact_border_crossings_stage_local
GROUP BY hour, border, country, route, direction;
