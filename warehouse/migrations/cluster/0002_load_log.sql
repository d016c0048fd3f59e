-- Cluster flavour: replicated to every node (no {shard} in the path): the
-- table is small and any node can answer "was this file loaded?".
--
-- One row per file load: which file (by content hash), which feed, the four
-- counters of formats.md (read = loaded + quarantined + duplicates), status
-- and timings. A load writes its row when it starts ('running') and again
-- when it ends; ReplacingMergeTree(updated_at) keeps the last, reads use FINAL.
-- A 'running' row whose process died is marked 'interrupted' by the next run.
--
-- seq is the delivery order of loads; record versions are built from it, so
-- "the later delivery wins" holds whatever order rows reach the engine.
--
-- ORDER BY load_id: rows are updated by load_id. No partition key: a few
-- thousand files a year, and the key must never move between partitions or
-- the two versions of a row would never merge.

CREATE TABLE IF NOT EXISTS load_log ON CLUSTER {{cluster}}
(
    load_id UUID,
    seq UInt64,
    source LowCardinality(String) COMMENT 'cli | inbox | upload | demo | test',
    file_name String,
    file_path String,
    file_size UInt64,
    file_sha256 FixedString(64),
    feed LowCardinality(String) COMMENT 'empty while undetected or when the file could not be read',
    status Enum8('running' = 1, 'loaded' = 2, 'quarantined' = 3, 'failed' = 4, 'interrupted' = 5),
    records_read UInt64,
    records_loaded UInt64,
    records_quarantined UInt64,
    records_duplicates UInt64,
    first_event_at Nullable(DateTime64(3, 'UTC')) COMMENT 'earliest event time among loaded records',
    last_event_at Nullable(DateTime64(3, 'UTC')) COMMENT 'latest event time among loaded records: data freshness',
    started_at DateTime64(3, 'UTC'),
    finished_at Nullable(DateTime64(3, 'UTC')),
    error String,
    loaded_by String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/load_log', '{replica}', updated_at)
ORDER BY load_id;
