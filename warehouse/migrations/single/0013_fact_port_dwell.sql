-- Port dwell (discharge -> gate-out of full import containers), one row per
-- gate-out that pairs with the latest earlier discharge of the same box,
-- with the country of the import declaration that lists it (formats.md).
-- Rebuilt a month at a time by the ETL's refresh step (see 0009 for why
-- derived tables are refreshed rather than fed by views on the feeds).
--
-- PARTITION BY month of the gate-out, the date dwell is counted on and the
-- unit of refresh. ORDER BY (country, gate_out_at, container_no): reads
-- filter by period and group or filter by country.

CREATE TABLE IF NOT EXISTS fact_port_dwell
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
ENGINE = MergeTree
PARTITION BY toYYYYMM(gate_out_at)
ORDER BY (country, gate_out_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_dwell_stage AS fact_port_dwell;
