-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Port dwell (discharge -> gate-out of full import containers), one row per
-- gate-out that pairs with the latest earlier discharge of the same box,
-- with the country of the import declaration that lists it (formats.md).
-- Rebuilt a month at a time by the ETL's refresh step (see 0009 for why
-- derived tables are refreshed rather than fed by views on the feeds).
--
-- PARTITION BY month of the gate-out, the date dwell is counted on and the
-- unit of refresh. ORDER BY (country, gate_out_at, container_no): reads
-- filter by period and group or filter by country.

CREATE TABLE IF NOT EXISTS fact_port_dwell_local ON CLUSTER {{cluster}}
(
    container_no FixedString(11),
    gate_out_at DateTime('UTC'),
    discharge_at DateTime('UTC'),
    dwell_s UInt32,
    terminal LowCardinality(String),
    size_type LowCardinality(String),
    teu Decimal(6, 2),
    country LowCardinality(String) COMMENT 'of the import declaration listing the container; empty when none is loaded',
    declaration_id String,
    regime LowCardinality(String),
    route LowCardinality(String)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_dwell_local', '{replica}')
PARTITION BY toYYYYMM(gate_out_at)
ORDER BY (country, gate_out_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_dwell ON CLUSTER {{cluster}} AS fact_port_dwell_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_dwell_local, cityHash64(container_no));

CREATE TABLE IF NOT EXISTS fact_port_dwell_stage_local ON CLUSTER {{cluster}} AS fact_port_dwell_local
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_dwell_stage_local', '{replica}')
PARTITION BY toYYYYMM(gate_out_at)
ORDER BY (country, gate_out_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_dwell_stage ON CLUSTER {{cluster}} AS fact_port_dwell_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_dwell_stage_local, cityHash64(container_no));
