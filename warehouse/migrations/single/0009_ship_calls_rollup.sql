-- Ship waiting (arrived -> berthed) and turnaround (arrived -> departed), the
-- first derived facts and their rollup.
--
-- Why a refresh step and staging tables: a rollup fed by a materialized view
-- on the feed table would count a re-delivered call twice (the view sees each
-- insert, not the replacement). So facts are rebuilt month by month from the
-- deduplicated feed (FINAL) into fact_ship_calls_stage; the view below turns
-- what lands there into aggregate states in rollup_ship_calls_hourly_stage;
-- then both months are swapped into the live tables with REPLACE PARTITION,
-- which is atomic: a reader sees the old month or the new, never half.
--
-- fact_ship_calls: PARTITION BY month of arrival (the date the measures are
-- counted on), the unit of refresh. ORDER BY (terminal, arrived_at, call_id):
-- reads filter by period and group by terminal.

CREATE TABLE IF NOT EXISTS fact_ship_calls
(
    call_id String,
    terminal LowCardinality(String),
    vessel_imo FixedString(7),
    arrived_at DateTime('UTC'),
    waiting_s UInt32 COMMENT 'berthed - arrived, seconds',
    turnaround_s Nullable(UInt32) COMMENT 'departed - arrived, seconds; NULL while at berth',
    teu Decimal(12, 2),
    tonnes Decimal(14, 3)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(arrived_at)
ORDER BY (terminal, arrived_at, call_id);

CREATE TABLE IF NOT EXISTS fact_ship_calls_stage AS fact_ship_calls;

-- Hourly grain so any whole-hour time zone (Lomé UTC+0, Niamey UTC+1) gets
-- exact day, week and month buckets from the rollup. Percentiles keep exact
-- states (quantilesExactInclusive = PERCENTILE.INC of formats.md), merged
-- across hours and terminals without any average of averages.
-- PARTITION BY month, like the facts it is swapped with; ORDER BY
-- (terminal, hour): the grouping keys.

CREATE TABLE IF NOT EXISTS rollup_ship_calls_hourly
(
    hour DateTime('UTC'),
    terminal LowCardinality(String),
    calls SimpleAggregateFunction(sum, UInt64),
    waiting_sum_s SimpleAggregateFunction(sum, UInt64),
    waiting_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32),
    turnarounds SimpleAggregateFunction(sum, UInt64),
    turnaround_sum_s SimpleAggregateFunction(sum, UInt64),
    turnaround_q AggregateFunction(quantilesExactInclusive(0.5, 0.9, 0.95), UInt32),
    teu SimpleAggregateFunction(sum, Decimal(38, 2)),
    tonnes SimpleAggregateFunction(sum, Decimal(38, 3))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (terminal, hour);

CREATE TABLE IF NOT EXISTS rollup_ship_calls_hourly_stage AS rollup_ship_calls_hourly;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_ship_calls_hourly TO rollup_ship_calls_hourly_stage AS
SELECT
    toStartOfHour(arrived_at) AS hour,
    terminal,
    count() AS calls,
    sum(waiting_s) AS waiting_sum_s,
    quantilesExactInclusiveState(0.5, 0.9, 0.95)(waiting_s) AS waiting_q,
    countIf(turnaround_s IS NOT NULL) AS turnarounds,
    sumIf(assumeNotNull(turnaround_s), turnaround_s IS NOT NULL) AS turnaround_sum_s,
    quantilesExactInclusiveStateIf(0.5, 0.9, 0.95)(assumeNotNull(turnaround_s), turnaround_s IS NOT NULL) AS turnaround_q,
    sum(toDecimal128(teu, 2)) AS teu,
    sum(toDecimal128(tonnes, 3)) AS tonnes
FROM fact_ship_calls_stage
GROUP BY hour, terminal;
