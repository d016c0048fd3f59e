-- Declarations that count for volumes (formats.md "What is counted"): IM8,
-- EX1, and IM4 that do not end an IM8; never cancelled ones. One row per
-- declaration (count, declared TEU, tonnes, CIF, guarantee) and one per item
-- (tonnes and CIF by HS code). Imports belong to the destination country
-- (IM8) or the office's country (IM4), exports to the exporting office's.
--
-- PARTITION BY month of registration, the date volumes are counted on and
-- the unit of refresh. ORDER BY (country, registered_at, declaration_id):
-- reads filter by period and country.

CREATE TABLE IF NOT EXISTS fact_declarations
(
    declaration_id String,
    registered_at DateTime('UTC'),
    office LowCardinality(String),
    office_country LowCardinality(String),
    regime LowCardinality(String),
    direction LowCardinality(String) COMMENT 'import | export',
    country LowCardinality(String),
    route LowCardinality(String),
    destination_office LowCardinality(String),
    consignee_code String,
    consignee_name String,
    cargo LowCardinality(String) COMMENT 'container when containers are listed, else general',
    containers UInt16,
    teu Decimal(10, 2),
    tonnes Decimal(18, 3),
    cif_xof Decimal(18, 2),
    guarantee_xof Nullable(Decimal(18, 2)),
    countries_crossed UInt8 COMMENT 'countries of the route (transit guarantee is due in each)'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(registered_at)
ORDER BY (country, registered_at, declaration_id);

CREATE TABLE IF NOT EXISTS fact_declarations_stage AS fact_declarations;

-- Same rows and keys as fact_declarations, one per item; ORDER BY adds the
-- HS code, the dimension this table exists for.
CREATE TABLE IF NOT EXISTS fact_declaration_items
(
    declaration_id String,
    item UInt16,
    registered_at DateTime('UTC'),
    regime LowCardinality(String),
    direction LowCardinality(String),
    country LowCardinality(String),
    office LowCardinality(String),
    route LowCardinality(String),
    consignee_code String,
    hs_code FixedString(10),
    hs_heading FixedString(4),
    hs_chapter FixedString(2),
    hs_section LowCardinality(String),
    origin LowCardinality(String),
    gross_kg Decimal(14, 3),
    net_kg Decimal(14, 3),
    cif_xof Decimal(18, 2)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(registered_at)
ORDER BY (country, registered_at, hs_code, declaration_id, item);

CREATE TABLE IF NOT EXISTS fact_declaration_items_stage AS fact_declaration_items;
