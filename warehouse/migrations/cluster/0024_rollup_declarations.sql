-- Cluster flavour: the rollup and its staging table are sharded like the facts
-- they are built from (the view runs on each shard, on its own staged facts);
-- reads go through the Distributed table, which merges the shards' states.
--
-- Hourly rollup of fact_declarations: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_declarations_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_declarations_hourly_local ON CLUSTER {{cluster}}
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    direction LowCardinality(String),
    route LowCardinality(String),
    cargo LowCardinality(String),
    declarations SimpleAggregateFunction(sum, UInt64),
    tonnes SimpleAggregateFunction(sum, Decimal(38, 3)),
    cif_xof SimpleAggregateFunction(sum, Decimal(38, 2)),
    teu SimpleAggregateFunction(sum, Decimal(38, 2)),
    containers SimpleAggregateFunction(sum, UInt64),
    guarantee_xof SimpleAggregateFunction(sum, Decimal(38, 2))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_declarations_hourly_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, route, cargo, hour);

CREATE TABLE IF NOT EXISTS rollup_declarations_hourly ON CLUSTER {{cluster}} AS rollup_declarations_hourly_local
ENGINE = Distributed({{cluster}}, {{database}}, rollup_declarations_hourly_local);

CREATE TABLE IF NOT EXISTS rollup_declarations_hourly_stage_local ON CLUSTER {{cluster}} AS rollup_declarations_hourly_local
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_declarations_hourly_stage_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, route, cargo, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_declarations_hourly ON CLUSTER {{cluster}} TO rollup_declarations_hourly_stage_local AS
SELECT
    toStartOfHour(registered_at) AS hour,
    country,
    direction,
    route,
    cargo,
    count() AS declarations,
    sum(toDecimal128(tonnes, 3)) AS tonnes,
    sum(toDecimal128(cif_xof, 2)) AS cif_xof,
    sum(toDecimal128(teu, 2)) AS teu,
    sum(toUInt64(containers)) AS containers,
    sum(toDecimal128(ifNull(guarantee_xof, 0), 2)) AS guarantee_xof
FROM fact_declarations_stage_local
GROUP BY hour, country, direction, route, cargo;
