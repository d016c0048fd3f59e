-- Border crossings: for each movement, each pair of consecutive offices of
-- its route, in the direction of travel, whose countries differ
-- (TGCIN>BFCIN inward, BFCIN>TGCIN for exports): ARRIVED at the exit office
-- -> RELEASED at the next country's entry office.
--
-- PARTITION BY month of that RELEASED, the date crossings are counted on and
-- the unit of refresh. ORDER BY (border, released_at, movement).

CREATE TABLE IF NOT EXISTS fact_border_crossings
(
    movement String,
    route LowCardinality(String),
    direction LowCardinality(String),
    border LowCardinality(String) COMMENT 'exit>entry office codes, e.g. TGCIN>BFCIN',
    exit_office LowCardinality(String),
    entry_office LowCardinality(String),
    exit_country LowCardinality(String),
    entry_country LowCardinality(String),
    country LowCardinality(String) COMMENT 'destination country of the route',
    arrived_at DateTime('UTC'),
    released_at DateTime('UTC'),
    crossing_s UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(released_at)
ORDER BY (border, released_at, movement);

CREATE TABLE IF NOT EXISTS fact_border_crossings_stage AS fact_border_crossings;
