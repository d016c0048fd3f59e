-- Feed 2, container events (terminal EDIFACT COARRI / CODECO), one row per
-- container group. Natural key: container number + event + event time.
--
-- PARTITION BY month of the event: the event time is part of the key, so a
-- record never changes partition; about 4 million events a year make monthly
-- partitions of a few hundred thousand rows, and the journey refresh rebuilds
-- month by month.
-- ORDER BY (container_no, event, event_at): the key, led by the container
-- because port dwell pairs each gate-out with the discharge of the same box.

CREATE TABLE IF NOT EXISTS container_events
(
    container_no FixedString(11) COMMENT 'ISO 6346, check digit verified',
    event Enum8('DISCHARGE' = 1, 'LOAD' = 2, 'GATE_IN' = 3, 'GATE_OUT' = 4),
    event_at DateTime('UTC'),
    message_type LowCardinality(String) COMMENT 'COARRI | CODECO',
    terminal LowCardinality(String),
    size_type LowCardinality(String) COMMENT 'ISO size-type, e.g. 45G1',
    teu Decimal(6, 2) COMMENT 'from the size-type first character: 2 = 1, 4 = 2, L = 2.25',
    status UInt8 COMMENT '2 export, 3 import, 6 transshipment',
    full UInt8 COMMENT '1 full (EDIFACT 5), 0 empty (4)',
    bill_of_lading String,
    gross_kg Nullable(Decimal(12, 1)),
    seal String,
    voyage String,
    vessel_imo String,
    vessel_name String,
    carrier String,
    haulier String,
    truck_plate String,
    delivery_office LowCardinality(String) COMMENT 'LOC+7, final place of delivery',
    interchange_ref String COMMENT 'UNB control reference',
    message_ref String COMMENT 'UNH message reference',
    _version UInt128,
    _hash UInt64,
    _load_id UUID,
    _record UInt32,
    _loaded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_version)
PARTITION BY toYYYYMM(event_at)
ORDER BY (container_no, event, event_at);
