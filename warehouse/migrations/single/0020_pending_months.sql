-- Months whose derived facts a load must rebuild, written before the load
-- writes the rows that touch them. A load killed before its refresh finds
-- them again when it is resumed (a replaced version's old month could not be
-- recovered once the new version is in force). Tiny; kept as a history.
--
-- ORDER BY (load_id, month): read by load. No partition key: a few rows per load.

CREATE TABLE IF NOT EXISTS pending_months
(
    load_id UUID,
    month UInt32
)
ENGINE = ReplacingMergeTree
ORDER BY (load_id, month);
