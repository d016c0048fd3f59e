-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Corridor transit (DEPARTED -> COMPLETED), one row per completed, not
-- cancelled movement; route, declaration and direction from its DEPARTED
-- event (an export runs its route backwards: it departs from an inland
-- office). The country is the route's destination country.
--
-- PARTITION BY month of COMPLETED, the date transit is counted on and the
-- unit of refresh. ORDER BY (route, completed_at, movement).

CREATE TABLE IF NOT EXISTS fact_transits_local ON CLUSTER {{cluster}}
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
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_transits_local', '{replica}')
PARTITION BY toYYYYMM(completed_at)
ORDER BY (route, completed_at, movement);

CREATE TABLE IF NOT EXISTS fact_transits ON CLUSTER {{cluster}} AS fact_transits_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_transits_local, cityHash64(movement));

CREATE TABLE IF NOT EXISTS fact_transits_stage_local ON CLUSTER {{cluster}} AS fact_transits_local
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_transits_stage_local', '{replica}')
PARTITION BY toYYYYMM(completed_at)
ORDER BY (route, completed_at, movement);

CREATE TABLE IF NOT EXISTS fact_transits_stage ON CLUSTER {{cluster}} AS fact_transits_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_transits_stage_local, cityHash64(movement));
