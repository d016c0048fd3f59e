-- Who asked what, when, how long it took and how it ended: one row per API
-- request (GraphQL operation, CSV export), written in small batches by the
-- server. Administrators read it through `auditLog`; docs/security.md says
-- what is kept. Variables are stored with secrets (passwords, keys) masked.
--
-- PARTITION BY month so old months are dropped whole (TTL: two years, the
-- retention docs/security.md states); ORDER BY (at, request_id): the reads
-- are "the latest requests", optionally of one login, over a time range.

CREATE TABLE IF NOT EXISTS audit_log
(
    at DateTime64(3, 'UTC'),
    request_id UUID,
    entry LowCardinality(String) COMMENT 'graphql | csv',
    login String COMMENT 'empty: no credentials',
    user_id Nullable(UUID),
    key_id String COMMENT 'the API key used; empty for a session',
    role LowCardinality(String),
    scope LowCardinality(String) COMMENT 'the country of a scoped user; empty: every country',
    address String COMMENT 'client IP address',
    operation_type LowCardinality(String) COMMENT 'query | mutation | csv',
    operation_name String,
    query_hash FixedString(64) COMMENT 'sha256 of the document, to group the same question',
    query String COMMENT 'the document, cut at 8 000 characters',
    variables String COMMENT 'JSON, secrets masked, cut at 4 000 characters',
    duration_ms UInt32,
    http_status UInt16,
    outcome LowCardinality(String) COMMENT 'ok | error | refused',
    error_codes Array(LowCardinality(String))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, request_id)
TTL toDateTime(at) + INTERVAL 2 YEAR DELETE;
