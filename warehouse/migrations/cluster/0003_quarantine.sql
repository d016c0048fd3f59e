-- Cluster flavour: replicated to every node (no {shard} in the path), like
-- the load log it belongs with.
--
-- Records refused by the ETL, with where they were (line; message and segment
-- for EDIFACT), why (a reason code of formats.md) and their raw text, so
-- nothing is ever lost and an operator can fix and re-send them.
--
-- ORDER BY (feed, file_sha256, record_index): the same file loaded again
-- lands on the same keys, so a re-load never doubles the quarantine
-- (ReplacingMergeTree keeps one row per record of a file). raw_hash lets the
-- ETL see that a record equal to one already quarantined is a duplicate.
-- No partition key: the table stays small and its key has no time.

CREATE TABLE IF NOT EXISTS quarantine ON CLUSTER {{cluster}}
(
    feed LowCardinality(String),
    file_sha256 FixedString(64),
    record_index UInt32 COMMENT 'nth record of the file, from 1',
    load_id UUID,
    file_name String,
    line UInt32 COMMENT '0 when not applicable',
    message UInt32 COMMENT 'EDIFACT: nth UNH of the file, from 1; 0 otherwise',
    segment UInt32 COMMENT 'EDIFACT: segment index with UNB = 1; 0 otherwise',
    reason LowCardinality(String),
    detail String COMMENT 'what exactly is wrong, for people',
    record_key String COMMENT 'the natural key when it could be read',
    raw String,
    raw_hash UInt64,
    quarantined_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/quarantine', '{replica}', quarantined_at)
ORDER BY (feed, file_sha256, record_index);
