-- Every record ever loaded or quarantined, by feed, natural key and a hash of
-- its parsed values: the memory that makes a re-sent record a duplicate
-- (formats.md: "a record equal to one already loaded or already quarantined")
-- while ReplacingMergeTree keeps only the winning version in the feed tables.
-- It is also the commit mark of a record: the loader writes it after the
-- record's row, so a load killed and run again finds which records it had
-- already written (same load_id and record_index) and counts them as its own.
--
-- ORDER BY (feed, key_hash, key, content_hash, load_id, record_index): the
-- loader looks records up by feed and key hash; the full key makes writing
-- the same entry twice harmless (ReplacingMergeTree keeps one). No partition
-- key: lookups are by key, never by time.

CREATE TABLE IF NOT EXISTS record_ledger
(
    feed LowCardinality(String),
    key_hash UInt64,
    key String COMMENT 'natural key, or raw:<hash> for a record whose key could not be read',
    content_hash UInt64 COMMENT 'hash of the parsed values (of the raw text when unparseable)',
    load_id UUID,
    record_index UInt32,
    outcome Enum8('loaded' = 1, 'quarantined' = 2),
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (feed, key_hash, key, content_hash, load_id, record_index);
