-- Cluster flavour: the rollup and its staging table are sharded like the facts
-- they are built from (the view runs on each shard, on its own staged facts);
-- reads go through the Distributed table, which merges the shards' states.
--
-- Hourly rollup of fact_customs_revenue: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_customs_revenue_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_customs_revenue_hourly_local ON CLUSTER {{cluster}}
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    direction LowCardinality(String),
    tax_code LowCardinality(String),
    amount_xof SimpleAggregateFunction(sum, Decimal(38, 2))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_customs_revenue_hourly_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, tax_code, hour);

CREATE TABLE IF NOT EXISTS rollup_customs_revenue_hourly ON CLUSTER {{cluster}} AS rollup_customs_revenue_hourly_local
ENGINE = Distributed({{cluster}}, {{database}}, rollup_customs_revenue_hourly_local);

CREATE TABLE IF NOT EXISTS rollup_customs_revenue_hourly_stage_local ON CLUSTER {{cluster}} AS rollup_customs_revenue_hourly_local
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/rollup_customs_revenue_hourly_stage_local', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, tax_code, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_customs_revenue_hourly ON CLUSTER {{cluster}} TO rollup_customs_revenue_hourly_stage_local AS
SELECT
    toStartOfHour(receipt_at) AS hour,
    country,
    direction,
    tax_code,
    sum(toDecimal128(amount_xof, 2)) AS amount_xof
FROM fact_customs_revenue_stage_local
GROUP BY hour, country, direction, tax_code;
