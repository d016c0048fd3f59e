-- Reference data: code lists the feeds are checked against and the names the
-- interface shows (French first, English second). Loaded from
-- warehouse/reference/*.csv by the reference sync after each migration run.
--
-- Engine: ReplacingMergeTree(_version, _deleted). A sync inserts every row of
-- a changed list with a new _version and a deletion marker for each code that
-- left the list, in one insert; reads use FINAL. Tables are tiny (at most a few
-- hundred rows), so no partition key, and ORDER BY is the code people look up.

CREATE TABLE IF NOT EXISTS ref_countries
(
    code LowCardinality(String) COMMENT 'ISO 3166-1 alpha-2; ZZ = autres pays / other countries',
    name_fr String,
    name_en String,
    aes UInt8 COMMENT '1 for the Alliance of Sahel States (BF, ML, NE)',
    sort_order UInt8,
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ref_offices
(
    code LowCardinality(String) COMMENT 'customs office code, e.g. TGLFW',
    name String,
    country LowCardinality(String),
    kind LowCardinality(String) COMMENT 'port | border | destination',
    timezone LowCardinality(String) COMMENT 'IANA zone; times without an offset are local to the office',
    lat Float64,
    lon Float64,
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ref_routes
(
    route LowCardinality(String) COMMENT 'route code, written in the import direction',
    destination_country LowCardinality(String),
    offices Array(String) COMMENT 'offices in the import direction, Lomé first',
    km UInt32,
    note String,
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY route;

CREATE TABLE IF NOT EXISTS ref_terminals
(
    code LowCardinality(String),
    name_fr String,
    name_en String,
    cargo LowCardinality(String) COMMENT 'container | general | bulk | liquid_bulk',
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ref_hs_sections
(
    section LowCardinality(String) COMMENT 'Roman numeral, I to XXI',
    number UInt8,
    first_chapter FixedString(2),
    last_chapter FixedString(2),
    name_fr String,
    name_en String,
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY number;

CREATE TABLE IF NOT EXISTS ref_hs_chapters
(
    chapter FixedString(2),
    section LowCardinality(String),
    name_fr String,
    name_en String,
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY chapter;

CREATE TABLE IF NOT EXISTS ref_tax_codes
(
    code LowCardinality(String),
    name_fr String,
    name_en String,
    revenue UInt8 COMMENT '0 for GAR: a guarantee is a deposit, not revenue',
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ref_fee_codes
(
    code LowCardinality(String),
    name_fr String,
    name_en String,
    ship_fee UInt8 COMMENT '1 for fees on the ship (pilotage, towage, berth dues): never allocated to a country',
    _version UInt64,
    _deleted UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_version, _deleted)
ORDER BY code;

-- What each reference table was last loaded from, so a start with unchanged
-- CSV files writes nothing.
CREATE TABLE IF NOT EXISTS ref_sync
(
    table_name LowCardinality(String),
    checksum FixedString(64),
    row_count UInt32,
    synced_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(synced_at)
ORDER BY table_name;
