-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Border crossings: for each movement, each pair of consecutive offices of
-- its route, in the direction of travel, whose countries differ
-- (TGCIN>BFCIN inward, BFCIN>TGCIN for exports): ARRIVED at the exit office
-- -> RELEASED at the next country's entry office.
--
-- PARTITION BY month of that RELEASED, the date crossings are counted on and
-- the unit of refresh. ORDER BY (border, released_at, movement).

CREATE TABLE IF NOT EXISTS fact_border_crossings_local ON CLUSTER {{cluster}}
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
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_border_crossings_local', '{replica}')
PARTITION BY toYYYYMM(released_at)
ORDER BY (border, released_at, movement);

CREATE TABLE IF NOT EXISTS fact_border_crossings ON CLUSTER {{cluster}} AS fact_border_crossings_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_border_crossings_local, cityHash64(movement));

CREATE TABLE IF NOT EXISTS fact_border_crossings_stage_local ON CLUSTER {{cluster}} AS fact_border_crossings_local
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_border_crossings_stage_local', '{replica}')
PARTITION BY toYYYYMM(released_at)
ORDER BY (border, released_at, movement);

CREATE TABLE IF NOT EXISTS fact_border_crossings_stage ON CLUSTER {{cluster}} AS fact_border_crossings_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_border_crossings_stage_local, cityHash64(movement));
