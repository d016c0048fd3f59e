-- Cluster flavour: the change is made on every node (ON CLUSTER).
--
-- recordedAt is optional on a transit line (formats.md lists it but does not
-- require it): a line without it ranks below any line with it. No change of
-- ORDER BY or partition.

ALTER TABLE transit_events_local ON CLUSTER {{cluster}} MODIFY COLUMN recorded_at Nullable(DateTime64(3, 'UTC'));

-- The Distributed table must show the same column type.
ALTER TABLE transit_events ON CLUSTER {{cluster}} MODIFY COLUMN recorded_at Nullable(DateTime64(3, 'UTC'));
