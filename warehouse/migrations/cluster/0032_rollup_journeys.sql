-- Cluster flavour: the rollup and its staging table are sharded like the facts
-- they are built from (the view runs on each shard, on its own staged facts);
-- reads go through the Distributed table, which merges the shards' states.
--
-- Hourly rollup of fact_journeys: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_journeys_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_journeys_hourly_local ON CLUSTER {{cluster}}
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    route LowCardinality(String),
    end_to_end_count SimpleAggregateFunction(sum, UInt64),
    end_to_end_sum_s SimpleAggregateFunction(sum, UInt64),
    end_to_end_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_journeys_hourly_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, route, hour);

CREATE TABLE IF NOT EXISTS rollup_journeys_hourly ON CLUSTER {{cluster}} AS rollup_journeys_hourly_local
ENGINE = Distributed({{cluster}}, {{database}}, rollup_journeys_hourly_local);

CREATE TABLE IF NOT EXISTS rollup_journeys_hourly_stage_local ON CLUSTER {{cluster}} AS rollup_journeys_hourly_local
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_journeys_hourly_stage_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, route, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_journeys_hourly ON CLUSTER {{cluster}} TO rollup_journeys_hourly_stage_local AS
SELECT
    toStartOfHour(completed_at) AS hour,
    country,
    route,
    count() AS end_to_end_count,
    sum(toUInt64(end_to_end_s)) AS end_to_end_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(end_to_end_s) AS end_to_end_q
FROM fact_journeys_stage_local
GROUP BY hour, country, route;
