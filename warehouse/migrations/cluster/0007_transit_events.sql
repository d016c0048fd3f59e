-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated,
-- one replica set per shard); <table> is the Distributed table the platform
-- reads and writes, sharded by cityHash64(movement) so every version of a
-- record lands on the same shard and replacement works there.
--
-- Feed 4, transit movements (JSON Lines), one row per event. Natural key:
-- movement + event + office. A copy with a later recordedAt replaces an
-- earlier one (equal: the later delivery); _version's source rank is
-- recordedAt in ms.
--
-- ORDER BY (movement, event, office): the key, led by the movement because
-- transit and border-crossing times pair events of the same movement.
-- No partition key: the key holds no time, and an event whose time is
-- corrected must not move to another partition where its versions would never
-- merge; about a million events a year fit one unpartitioned table well.

CREATE TABLE IF NOT EXISTS transit_events_local ON CLUSTER {{cluster}}
(
    movement String,
    event Enum8('DEPARTED' = 1, 'ARRIVED' = 2, 'RELEASED' = 3, 'COMPLETED' = 4, 'CANCELLED' = 5),
    office LowCardinality(String),
    office_country LowCardinality(String),
    at DateTime('UTC') COMMENT 'converted from the office local time when written without offset',
    recorded_at DateTime64(3, 'UTC'),
    declaration String COMMENT 'required on DEPARTED',
    route LowCardinality(String) COMMENT 'required on DEPARTED',
    truck String,
    containers Array(String),
    gross_kg Nullable(Decimal(12, 1)),
    escort Nullable(UInt8),
    _version UInt128,
    _hash UInt64,
    _load_id UUID,
    _record UInt32,
    _loaded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/transit_events_local', '{replica}', _version)
ORDER BY (movement, event, office);

CREATE TABLE IF NOT EXISTS transit_events ON CLUSTER {{cluster}} AS transit_events_local
ENGINE = Distributed({{cluster}}, {{database}}, transit_events_local, cityHash64(movement));
