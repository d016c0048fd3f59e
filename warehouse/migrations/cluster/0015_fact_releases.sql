-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Customs release time (registration -> BAE) of every non-cancelled
-- declaration with a release, IM4 that end an IM8 included; country by the
-- same rule as volumes (an IM8 released at Lomé counts for its destination).
--
-- PARTITION BY month of release, the date the measure is counted on and the
-- unit of refresh. ORDER BY (country, released_at, declaration_id).

CREATE TABLE IF NOT EXISTS fact_releases_local ON CLUSTER {{cluster}}
(
    declaration_id String,
    released_at DateTime('UTC'),
    registered_at DateTime('UTC'),
    release_s UInt32,
    office LowCardinality(String),
    regime LowCardinality(String),
    direction LowCardinality(String),
    country LowCardinality(String),
    route LowCardinality(String)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_releases_local', '{replica}')
PARTITION BY toYYYYMM(released_at)
ORDER BY (country, released_at, declaration_id);

CREATE TABLE IF NOT EXISTS fact_releases ON CLUSTER {{cluster}} AS fact_releases_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_releases_local, cityHash64(declaration_id));

CREATE TABLE IF NOT EXISTS fact_releases_stage_local ON CLUSTER {{cluster}} AS fact_releases_local
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_releases_stage_local', '{replica}')
PARTITION BY toYYYYMM(released_at)
ORDER BY (country, released_at, declaration_id);

CREATE TABLE IF NOT EXISTS fact_releases_stage ON CLUSTER {{cluster}} AS fact_releases_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_releases_stage_local, cityHash64(declaration_id));
