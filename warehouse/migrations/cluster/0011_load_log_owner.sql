-- Cluster flavour: the change is made on every node (ON CLUSTER).
--
-- Which process runs a load, so the next run can tell a load still running
-- from one whose process died (it is then resumed under the same load_id and
-- delivery sequence). Adds columns only: no change of ORDER BY or partition.

ALTER TABLE load_log ON CLUSTER {{cluster}} ADD COLUMN IF NOT EXISTS host String AFTER loaded_by;

ALTER TABLE load_log ON CLUSTER {{cluster}} ADD COLUMN IF NOT EXISTS pid UInt32 AFTER host;
