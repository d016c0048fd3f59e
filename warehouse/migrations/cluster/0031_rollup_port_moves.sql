-- Cluster flavour: the rollup and its staging table are sharded like the facts
-- they are built from (the view runs on each shard, on its own staged facts);
-- reads go through the Distributed table, which merges the shards' states.
--
-- Hourly rollup of fact_port_moves: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_port_moves_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_port_moves_hourly_local ON CLUSTER {{cluster}}
(
    hour DateTime('UTC'),
    terminal LowCardinality(String),
    move LowCardinality(String),
    trade LowCardinality(String),
    moves SimpleAggregateFunction(sum, UInt64),
    teu SimpleAggregateFunction(sum, Decimal(38, 2))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_port_moves_hourly_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (terminal, move, trade, hour);

CREATE TABLE IF NOT EXISTS rollup_port_moves_hourly ON CLUSTER {{cluster}} AS rollup_port_moves_hourly_local
ENGINE = Distributed({{cluster}}, {{database}}, rollup_port_moves_hourly_local);

CREATE TABLE IF NOT EXISTS rollup_port_moves_hourly_stage_local ON CLUSTER {{cluster}} AS rollup_port_moves_hourly_local
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_port_moves_hourly_stage_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (terminal, move, trade, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_port_moves_hourly ON CLUSTER {{cluster}} TO rollup_port_moves_hourly_stage_local AS
SELECT
    toStartOfHour(moved_at) AS hour,
    terminal,
    move,
    trade,
    count() AS moves,
    sum(toDecimal128(teu, 2)) AS teu
FROM fact_port_moves_stage_local
GROUP BY hour, terminal, move, trade;
