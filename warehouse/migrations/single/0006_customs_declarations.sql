-- Feed 3, customs declarations (ASYCUDA-style XML), one row per declaration
-- with its containers, items and tax lines as Nested arrays: a new copy of a
-- declaration replaces the whole row, so an item dropped from a later copy
-- cannot linger as it would in a separate item table.
-- Natural key: office + registration year + serial + number
-- (declaration_id = 'TGLFW-2024-L-12345'). The copy from the batch with the
-- latest exported_at wins; _version's source rank is exported_at in ms + 1,
-- 0 for a lone ASYCUDA root (it ranks below any batch copy).
--
-- Nested columns: items.hs_code is the 10-digit tariff line (8-digit
-- commodity code + 2-digit precision); taxes.item is the index in items from 1;
-- taxes.rate is a percentage; taxes.mp is 1 paid, 0 suspended, 2 guaranteed.
--
-- PARTITION BY registration year: part of the key, so a declaration never
-- moves; a year holds a few hundred thousand declarations.
-- ORDER BY (office, reg_year, serial, number): the key, led by the office,
-- which decides the collecting country of revenue.

CREATE TABLE IF NOT EXISTS customs_declarations
(
    declaration_id String,
    office LowCardinality(String),
    reg_year UInt16,
    serial LowCardinality(String),
    number String COMMENT 'kept as written',
    office_country LowCardinality(String),
    regime LowCardinality(String) COMMENT 'IM8 transit | IM4 home use | EX1 export',
    cancelled UInt8,
    registered_at DateTime('UTC'),
    receipt_number String,
    receipt_at Nullable(DateTime('UTC')) COMMENT 'payment; revenue is dated by it',
    released_at Nullable(DateTime('UTC')) COMMENT 'bon à enlever (BAE)',
    destination_country LowCardinality(String),
    destination_office LowCardinality(String),
    route LowCardinality(String),
    transit_time_limit Nullable(Date),
    guarantee_reference String,
    guarantee_amount Nullable(Decimal(18, 2)),
    previous_document String COMMENT 'IM4: the IM8 it ends',
    consignee_code String,
    consignee_name String,
    containers Nested
    (
        identity String,
        size_type LowCardinality(String),
        full_empty LowCardinality(String),
        gross_kg Nullable(Decimal(12, 1))
    ),
    items Nested
    (
        hs_code FixedString(10),
        origin LowCardinality(String),
        description String,
        gross_kg Decimal(14, 3),
        net_kg Decimal(14, 3),
        cif_xof Decimal(18, 2)
    ),
    taxes Nested
    (
        item UInt16,
        code LowCardinality(String),
        base Decimal(18, 2),
        rate Decimal(9, 4),
        amount Decimal(18, 2),
        mp UInt8
    ),
    exported_at Nullable(DateTime64(3, 'UTC')) COMMENT 'of the batch this copy came in; NULL for a lone ASYCUDA root',
    _version UInt128,
    _hash UInt64,
    _load_id UUID,
    _record UInt32,
    _loaded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_version)
PARTITION BY reg_year
ORDER BY (office, reg_year, serial, number);
