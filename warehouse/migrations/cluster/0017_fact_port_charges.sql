-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated, one
-- replica set per shard) and <table> is the Distributed table over them.
-- Facts are built on the initiator from the Distributed feed tables (joins
-- see every shard) and routed to shards by their sharding key; each shard
-- then swaps its own months (ON CLUSTER on the _local tables).
--
-- Port charges, one row per invoice or credit note, in XOF, for the country
-- of the cargo; ship fees (pilotage, towage, berth dues) and invoices without
-- a country are unallocated (country = '').
--
-- PARTITION BY month of issue, the date charges are counted on and the unit
-- of refresh. ORDER BY (country, issued_at, fee_code).

CREATE TABLE IF NOT EXISTS fact_port_charges_local ON CLUSTER {{cluster}}
(
    invoice_no String,
    issued_at DateTime('UTC'),
    fee_code LowCardinality(String),
    country LowCardinality(String),
    amount_xof Int64,
    currency LowCardinality(String),
    credit_note UInt8,
    call_id String,
    container String,
    declaration String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_charges_local', '{replica}')
PARTITION BY toYYYYMM(issued_at)
ORDER BY (country, issued_at, fee_code);

CREATE TABLE IF NOT EXISTS fact_port_charges ON CLUSTER {{cluster}} AS fact_port_charges_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_charges_local, cityHash64(invoice_no));

CREATE TABLE IF NOT EXISTS fact_port_charges_stage_local ON CLUSTER {{cluster}} AS fact_port_charges_local
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/fact_port_charges_stage_local', '{replica}')
PARTITION BY toYYYYMM(issued_at)
ORDER BY (country, issued_at, fee_code);

CREATE TABLE IF NOT EXISTS fact_port_charges_stage ON CLUSTER {{cluster}} AS fact_port_charges_stage_local
ENGINE = Distributed({{cluster}}, {{database}}, fact_port_charges_stage_local, cityHash64(invoice_no));
