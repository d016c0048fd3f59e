-- Cluster flavour: each shard keeps its rows in <table>_local (Replicated,
-- one replica set per shard); <table> is the Distributed table the platform
-- reads and writes, sharded by cityHash64(invoice_no) so every version of a
-- record lands on the same shard and replacement works there.
--
-- Feed 5, port invoices (port authority and terminals CSV). Natural key:
-- invoice_no; a re-delivered invoice replaces the earlier one.
-- amount and currency are kept as sent; amount_xof is the per-invoice XOF
-- value (EUR at 655.957, rounded half away from zero) that figures sum.
--
-- ORDER BY invoice_no: the key. No partition key: a corrected issue date must
-- not move an invoice between partitions, and the table stays modest.

CREATE TABLE IF NOT EXISTS port_invoices_local ON CLUSTER {{cluster}}
(
    invoice_no String,
    issued_at DateTime('UTC'),
    fee_code LowCardinality(String),
    amount Decimal(18, 2),
    currency LowCardinality(String),
    amount_xof Int64,
    country LowCardinality(String) COMMENT 'country of the cargo; empty = unallocated',
    call_id String,
    container String,
    declaration String,
    credit_note_of String COMMENT 'for a credit note (negative amount): the invoice it corrects',
    _version UInt128,
    _hash UInt64,
    _load_id UUID,
    _record UInt32,
    _loaded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/port_invoices_local', '{replica}', _version)
ORDER BY invoice_no;

CREATE TABLE IF NOT EXISTS port_invoices ON CLUSTER {{cluster}} AS port_invoices_local
ENGINE = Distributed({{cluster}}, {{database}}, port_invoices_local, cityHash64(invoice_no));
