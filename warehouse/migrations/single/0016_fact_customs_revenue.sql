-- Customs revenue: tax lines actually paid (Duty_tax_MP = 1) of a revenue tax
-- code (not GAR: a guarantee is a deposit) on non-cancelled declarations
-- with a receipt; it belongs to the administration that collected it (the
-- office's country), whatever the goods' destination.
--
-- PARTITION BY month of the receipt, the date revenue is counted on and the
-- unit of refresh. ORDER BY (country, receipt_at, tax_code).

CREATE TABLE IF NOT EXISTS fact_customs_revenue
(
    declaration_id String,
    item UInt16,
    receipt_at DateTime('UTC'),
    office LowCardinality(String),
    country LowCardinality(String) COMMENT 'collecting administration',
    regime LowCardinality(String),
    direction LowCardinality(String),
    destination_country LowCardinality(String),
    tax_code LowCardinality(String),
    hs_chapter FixedString(2),
    base_xof Decimal(18, 2),
    rate Decimal(9, 4),
    amount_xof Decimal(18, 2)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(receipt_at)
ORDER BY (country, receipt_at, tax_code);

CREATE TABLE IF NOT EXISTS fact_customs_revenue_stage AS fact_customs_revenue;
