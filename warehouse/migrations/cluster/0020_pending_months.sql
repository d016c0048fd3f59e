-- Cluster flavour: replicated to every node (no {shard} in the path), like
-- the load log it belongs with.
--
-- Months whose derived facts a load must rebuild, written before the load
-- writes the rows that touch them. A load killed before its refresh finds
-- them again when it is resumed (a replaced version's old month could not be
-- recovered once the new version is in force). Tiny; kept as a history.
--
-- ORDER BY (load_id, month): read by load. No partition key: a few rows per load.

CREATE TABLE IF NOT EXISTS pending_months ON CLUSTER {{cluster}}
(
    load_id UUID,
    month UInt32
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/pending_months', '{replica}')
ORDER BY (load_id, month);
