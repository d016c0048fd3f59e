-- Customs release time (registration -> BAE) of every non-cancelled
-- declaration with a release, IM4 that end an IM8 included; country by the
-- same rule as volumes (an IM8 released at Lomé counts for its destination).
--
-- PARTITION BY month of release, the date the measure is counted on and the
-- unit of refresh. ORDER BY (country, released_at, declaration_id).

CREATE TABLE IF NOT EXISTS fact_releases
(
    declaration_id String,
    released_at DateTime('UTC'),
    registered_at DateTime('UTC'),
    release_s UInt32,
    office LowCardinality(String),
    regime LowCardinality(String),
    direction LowCardinality(String),
    country LowCardinality(String),
    route LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(released_at)
ORDER BY (country, released_at, declaration_id);

CREATE TABLE IF NOT EXISTS fact_releases_stage AS fact_releases;
