-- Hourly rollup of fact_port_charges: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_port_charges_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_port_charges_hourly
(
    hour DateTime('UTC'),
    country LowCardinality(String),
    fee_code LowCardinality(String),
    amount_xof SimpleAggregateFunction(sum, Int64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (country, fee_code, hour);

CREATE TABLE IF NOT EXISTS rollup_port_charges_hourly_stage AS rollup_port_charges_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_port_charges_hourly TO rollup_port_charges_hourly_stage AS
SELECT
    toStartOfHour(issued_at) AS hour,
    country,
    fee_code,
    sum(toInt64(amount_xof)) AS amount_xof
FROM fact_port_charges_stage
GROUP BY hour, country, fee_code;
