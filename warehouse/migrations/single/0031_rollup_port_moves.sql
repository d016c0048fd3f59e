-- Hourly rollup of fact_port_moves: the API reads it instead of the facts whenever the
-- dimensions and filters asked for are among its keys and the time zone is a
-- whole number of hours from UTC (every zone of the corridor), so day, week,
-- month, quarter and year buckets stay exact. Durations keep exact percentile
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours without averaging averages.
-- Filled by a view on fact_port_moves_stage and swapped month by month with the facts
-- (see 0009): PARTITION BY month like them; ORDER BY its keys, then the hour.

CREATE TABLE IF NOT EXISTS rollup_port_moves_hourly
(
    hour DateTime('UTC'),
    terminal LowCardinality(String),
    move LowCardinality(String),
    trade LowCardinality(String),
    moves SimpleAggregateFunction(sum, UInt64),
    teu SimpleAggregateFunction(sum, Decimal(38, 2))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (terminal, move, trade, hour);

CREATE TABLE IF NOT EXISTS rollup_port_moves_hourly_stage AS rollup_port_moves_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_port_moves_hourly TO rollup_port_moves_hourly_stage AS
SELECT
    toStartOfHour(moved_at) AS hour,
    terminal,
    move,
    trade,
    count() AS moves,
    sum(toDecimal128(teu, 2)) AS teu
FROM fact_port_moves_stage
GROUP BY hour, terminal, move, trade;
