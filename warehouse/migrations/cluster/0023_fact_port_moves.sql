-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Containers moved across the quay (discharges and loads, every terminal,
-- transshipment included): TEU handled, the port's throughput figure.
--
-- PARTITION BY month of the move, the date it is counted on and the unit of
-- refresh. ORDER BY (terminal, moved_at, container_no).

CREATE TABLE IF NOT EXISTS fact_port_moves_local ON CLUSTER {{cluster}}
(
    container_no String,
    moved_at DateTime('UTC'),
    move LowCardinality(String) COMMENT 'DISCHARGE | LOAD',
    terminal LowCardinality(String),
    trade LowCardinality(String) COMMENT 'import | export | transshipment',
    full UInt8,
    teu Decimal(6, 2)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_moves_local', '{replica}')
PARTITION BY toYYYYMM(moved_at)
ORDER BY (terminal, moved_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_moves ON CLUSTER {{cluster}} AS fact_port_moves_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_moves_local, cityHash64(container_no));

CREATE TABLE IF NOT EXISTS fact_port_moves_stage_local ON CLUSTER {{cluster}}
(
    container_no String,
    moved_at DateTime('UTC'),
    move LowCardinality(String) COMMENT 'DISCHARGE | LOAD',
    terminal LowCardinality(String),
    trade LowCardinality(String) COMMENT 'import | export | transshipment',
    full UInt8,
    teu Decimal(6, 2)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_moves_stage_local', '{replica}')
PARTITION BY toYYYYMM(moved_at)
ORDER BY (terminal, moved_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_moves_stage ON CLUSTER {{cluster}} AS fact_port_moves_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_moves_stage_local, cityHash64(container_no));
