-- Scheduled reports (docs/reports.md): the schedules people manage, and one
-- row per run of a schedule for one report period. ClickHouse has no
-- transactions, so exactly-once rests on keys, not on locks:
--
-- * a run's id is deterministic, built from the schedule id and the report
--   period ("<schedule>_<from>_<to>"): whoever finds the period due (the
--   scheduler, a catch-up at start, "run now") computes the same id, and a
--   run that already has a row is resumed or refused, never started again;
-- * every change of a run writes the whole row again with a higher
--   `version` (ReplacingMergeTree(version)); reads use FINAL, so the latest
--   state wins whatever order parts merge in. Only the platform's one
--   process writes these rows (docs/architecture.md), one change at a time
--   per run, so versions never race;
-- * before each e-mail goes to SMTP its delivery is written as 'sending'
--   (inside `deliveries`, with a Message-ID derived from the run id), and as
--   'sent' once the server accepted it: a restart that finds 'sending' knows
--   exactly which message may be in doubt.
--
-- The artefacts (PDF, workbook, the report's figures as JSON) are files under
-- DATA_DIR/reports/<run id>/; `artefacts` records their names, sizes and
-- sha256, so a download checks it serves what was sent.
--
-- ORDER BY the id each is looked up and updated by. No partition key: a few
-- schedules and a few hundred runs a year, and an update must never move a
-- row to another partition (its versions would never merge).

CREATE TABLE IF NOT EXISTS report_schedules
(
    schedule_id UUID,
    name String,
    kind LowCardinality(String) COMMENT 'weekly_operations | monthly_corridor',
    rule LowCardinality(String) COMMENT 'weekly | monthly_first_working_day | cron',
    cron String COMMENT 'the cron expression that gives the run times (built from the rule, or as given)',
    weekday UInt8 COMMENT 'weekly rule: 1 = Monday … 7 = Sunday; 0 otherwise',
    at_time String COMMENT 'weekly and monthly rules: HH:MM local time',
    time_zone String COMMENT 'IANA zone of the run times and of the report period',
    recipients String COMMENT 'JSON [{address, language}]',
    formats Array(LowCardinality(String)) COMMENT 'pdf, xlsx, csv: what the e-mail carries',
    countries Array(LowCardinality(String)) COMMENT 'filter of the country figures; empty: all',
    stale_action LowCardinality(String) COMMENT 'warn: send, saying so plainly | hold: do not send',
    owner_id UUID,
    owner_login String,
    owner_email String COMMENT 'where failure and hold notices go',
    owner_scope LowCardinality(String) COMMENT 'country of a scoped owner; empty: every country',
    paused UInt8,
    deleted UInt8,
    active_from DateTime64(3, 'UTC') COMMENT 'runs due before this instant are never caught up (creation, change of timing, resume)',
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY schedule_id;

CREATE TABLE IF NOT EXISTS report_runs
(
    run_id String COMMENT '<schedule id>_<period from>_<period to>: one run per schedule and period',
    schedule_id UUID,
    schedule_name String,
    kind LowCardinality(String),
    period_from Date,
    period_to Date COMMENT 'excluded',
    time_zone String,
    trigger LowCardinality(String) COMMENT 'schedule | catch_up | manual',
    scheduled_for DateTime64(3, 'UTC'),
    state Enum8('scheduled' = 1, 'running' = 2, 'sending' = 3, 'succeeded' = 4, 'failed' = 5, 'retrying' = 6, 'held' = 7),
    attempts UInt16,
    next_attempt_at Nullable(DateTime64(3, 'UTC')),
    started_at Nullable(DateTime64(3, 'UTC')),
    finished_at Nullable(DateTime64(3, 'UTC')),
    recipients Array(String),
    data_check LowCardinality(String) COMMENT 'ok | stale | empty; empty string before the figures are read',
    data_note String COMMENT 'what the check found, French / English',
    artefacts String COMMENT 'JSON [{file, format, language, bytes, sha256}] under DATA_DIR/reports/<run id>/',
    deliveries String COMMENT 'JSON [{id, purpose, language, recipients, messageId, state, attempts, at, error}]',
    open_deliveries UInt16 COMMENT 'deliveries still to try (pending notices) or in doubt (sending): the scheduler looks at these runs',
    not_sent_reason String COMMENT 'why the report was not e-mailed (no SMTP, held); empty otherwise',
    error String,
    owner_notice String COMMENT 'what the owner was told, and whether the notice went out',
    requested_by String COMMENT 'login that asked for a manual run; empty for the scheduler',
    updated_at DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY run_id;
