-- Port charges, one row per invoice or credit note, in XOF, for the country
-- of the cargo; ship fees (pilotage, towage, berth dues) and invoices without
-- a country are unallocated (country = '').
--
-- PARTITION BY month of issue, the date charges are counted on and the unit
-- of refresh. ORDER BY (country, issued_at, fee_code).

CREATE TABLE IF NOT EXISTS fact_port_charges
(
    invoice_no String,
    issued_at DateTime('UTC'),
    fee_code LowCardinality(String),
    country LowCardinality(String),
    amount_xof Int64,
    currency LowCardinality(String),
    credit_note UInt8,
    call_id String,
    container String,
    declaration String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(issued_at)
ORDER BY (country, issued_at, fee_code);

CREATE TABLE IF NOT EXISTS fact_port_charges_stage AS fact_port_charges;
