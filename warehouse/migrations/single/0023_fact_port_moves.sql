-- Containers moved across the quay (discharges and loads, every terminal,
-- transshipment included): TEU handled, the port's throughput figure.
--
-- PARTITION BY month of the move, the date it is counted on and the unit of
-- refresh. ORDER BY (terminal, moved_at, container_no).

CREATE TABLE IF NOT EXISTS fact_port_moves
(
    container_no String,
    moved_at DateTime('UTC'),
    move LowCardinality(String) COMMENT 'DISCHARGE | LOAD',
    terminal LowCardinality(String),
    trade LowCardinality(String) COMMENT 'import | export | transshipment',
    full UInt8,
    teu Decimal(6, 2)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(moved_at)
ORDER BY (terminal, moved_at, container_no);

CREATE TABLE IF NOT EXISTS fact_port_moves_stage AS fact_port_moves;
