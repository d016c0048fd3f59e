-- Cluster flavour: replicated to every node (no {shard} in the path), so any
-- node can authenticate a request.
--
-- Who may use the platform: users (dashboard sign-in), their sessions, and
-- API keys (analysts' scripts). Passwords are scrypt hashes; session tokens
-- and key secrets are stored as sha256 of high-entropy random values, never
-- in clear. Rows are updated by writing a newer version (ReplacingMergeTree
-- on updated_at); reads use FINAL.
--
-- ORDER BY the id each is looked up by (user_id, token hash, key_id). No
-- partition key: small tables, and an update must never move a row.

CREATE TABLE IF NOT EXISTS users ON CLUSTER {{cluster}}
(
    user_id UUID,
    login String COMMENT 'e-mail or short name, unique, lower case',
    display_name String,
    role Enum8('admin' = 1, 'ministry' = 2, 'analyst' = 3, 'port_authority' = 4, 'operator' = 5),
    country LowCardinality(String) COMMENT 'empty: every country; else the one country whose detail the user sees',
    language LowCardinality(String) DEFAULT 'fr',
    password_hash String,
    disabled UInt8 DEFAULT 0,
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/users', '{replica}', updated_at)
ORDER BY user_id;

CREATE TABLE IF NOT EXISTS sessions ON CLUSTER {{cluster}}
(
    token_hash FixedString(64),
    user_id UUID,
    created_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked UInt8 DEFAULT 0,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/sessions', '{replica}', updated_at)
ORDER BY token_hash;

CREATE TABLE IF NOT EXISTS api_keys ON CLUSTER {{cluster}}
(
    key_id UUID,
    user_id UUID,
    name String,
    secret_hash FixedString(64),
    created_at DateTime64(3, 'UTC'),
    expires_at Nullable(DateTime64(3, 'UTC')),
    revoked_at Nullable(DateTime64(3, 'UTC')),
    updated_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/api_keys', '{replica}', updated_at)
ORDER BY key_id;
