-- Feed 1, vessel calls (port authority CSV). Natural key: call_id.
--
-- Every feed table carries the same bookkeeping columns:
--   _version  UInt128 rank of this copy: (source rank << 64) | (load seq << 32)
--             | record index. The highest wins, so a later delivery (or, for
--             declarations and movements, a later export) replaces an earlier
--             one whatever order the rows reach the engine in.
--   _hash     hash of the parsed values: tells a re-sent record (a duplicate)
--             from a new version.
--   _load_id, _record  where the row came from (load_log, nth record of the file).
--
-- ORDER BY call_id: the key, as ReplacingMergeTree needs. No partition key:
-- about 1,500 calls a year, and a call whose arrival is corrected must not
-- move to another partition, where its two versions would never merge.

CREATE TABLE IF NOT EXISTS vessel_calls
(
    call_id String,
    vessel_name String,
    imo FixedString(7),
    voyage String,
    terminal LowCardinality(String),
    arrived_at DateTime('UTC'),
    berthed_at DateTime('UTC'),
    departed_at Nullable(DateTime('UTC')) COMMENT 'empty while the ship is at berth',
    teu_discharged Decimal(12, 2),
    teu_loaded Decimal(12, 2),
    tonnes_discharged Decimal(14, 3),
    tonnes_loaded Decimal(14, 3),
    _version UInt128,
    _hash UInt64,
    _load_id UUID,
    _record UInt32,
    _loaded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY call_id;
