-- Hourly rollup of fact_customs_revenue: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_customs_revenue_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_customs_revenue_hourly
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    direction LowCardinality(String),
    tax_code LowCardinality(String),
    amount_xof SimpleAggregateFunction(sum, Decimal(38, 2))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (country, direction, tax_code, hour);

CREATE TABLE IF NOT EXISTS rollup_customs_revenue_hourly_stage AS rollup_customs_revenue_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_customs_revenue_hourly TO rollup_customs_revenue_hourly_stage AS
SELECT
    toStartOfHour(receipt_at) AS hour,
    country,
    direction,
    tax_code,
    sum(toDecimal128(amount_xof, 2)) AS amount_xof
FROM fact_customs_revenue_stage
GROUP BY hour, country, direction, tax_code;
