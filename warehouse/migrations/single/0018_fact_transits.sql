-- Corridor transit (DEPARTED -> COMPLETED), one row per completed, not
-- cancelled movement; route, declaration and direction from its DEPARTED
-- event (an export runs its route backwards: it departs from an inland
-- office). The country is the route's destination country.
--
-- PARTITION BY month of COMPLETED, the date transit is counted on and the
-- unit of refresh. ORDER BY (route, completed_at, movement).

CREATE TABLE IF NOT EXISTS fact_transits
(
    movement String,
    route LowCardinality(String),
    direction LowCardinality(String),
    country LowCardinality(String),
    declaration String,
    departed_office LowCardinality(String),
    departed_at DateTime('UTC'),
    completed_office LowCardinality(String),
    completed_at DateTime('UTC'),
    transit_s UInt32,
    truck String,
    containers Array(String),
    escort Nullable(UInt8)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(completed_at)
ORDER BY (route, completed_at, movement);

CREATE TABLE IF NOT EXISTS fact_transits_stage AS fact_transits;
