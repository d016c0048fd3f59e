-- recordedAt is optional on a transit line (formats.md lists it but does not
-- require it): a line without it ranks below any line with it. No change of
-- ORDER BY or partition.

ALTER TABLE transit_events MODIFY COLUMN recorded_at Nullable(DateTime64(3, 'UTC'));
