-- A container's journey along the corridor, for end-to-end time (discharge ->
-- arrival at destination, formats.md's measure list) and the stages between:
-- one row per container of a completed import movement, with its discharge
-- (the latest before the truck left), its declaration's registration and
-- release, its gate-out, the truck's departure and its arrival. Bulk cargo
-- travels without containers and has no end-to-end time.
--
-- PARTITION BY month of arrival (COMPLETED), the date end-to-end time is
-- counted on and the unit of refresh. ORDER BY (country, completed_at, movement).

CREATE TABLE IF NOT EXISTS fact_journeys
(
    movement String,
    container_no String,
    route LowCardinality(String),
    country LowCardinality(String),
    declaration_id String,
    discharge_at DateTime('UTC'),
    registered_at Nullable(DateTime('UTC')),
    released_at Nullable(DateTime('UTC')),
    gate_out_at Nullable(DateTime('UTC')),
    departed_at DateTime('UTC'),
    completed_at DateTime('UTC'),
    end_to_end_s UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(completed_at)
ORDER BY (country, completed_at, movement);

CREATE TABLE IF NOT EXISTS fact_journeys_stage AS fact_journeys;
