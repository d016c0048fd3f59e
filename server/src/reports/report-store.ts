import type { Warehouse } from "@corridor/warehouse";
import type { ReportKind, ScheduleRule } from "./schedule-rules.js";
import { nextVersion, type Artefact, type DataCheck, type Delivery, type Recipient, type ReportFormat, type RunRecord, type RunState, type RunTrigger, type ScheduleRecord, type StaleAction } from "./report-records.js";

interface ScheduleRow {
  schedule_id: string;
  name: string;
  kind: string;
  rule: string;
  cron: string;
  weekday: number;
  at_time: string;
  time_zone: string;
  recipients: string;
  formats: string[];
  countries: string[];
  stale_action: string;
  owner_id: string;
  owner_login: string;
  owner_email: string;
  owner_scope: string;
  paused: number;
  deleted: number;
  active_from: string;
  created_at: string;
  updated_at: string;
  version: string;
}

interface RunRow {
  run_id: string;
  schedule_id: string;
  schedule_name: string;
  kind: string;
  period_from: string;
  period_to: string;
  time_zone: string;
  trigger: string;
  scheduled_for: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  recipients: string[];
  data_check: string;
  data_note: string;
  artefacts: string;
  deliveries: string;
  not_sent_reason: string;
  error: string;
  owner_notice: string;
  requested_by: string;
  updated_at: string;
  version: string;
}

const SCHEDULE_COLUMNS =
  "toString(schedule_id) AS schedule_id, name, toString(kind) AS kind, toString(rule) AS rule, cron, weekday, at_time, time_zone, recipients, formats, countries, toString(stale_action) AS stale_action, toString(owner_id) AS owner_id, owner_login, owner_email, toString(owner_scope) AS owner_scope, paused, deleted, active_from, created_at, updated_at, version";
const RUN_COLUMNS =
  "run_id, toString(schedule_id) AS schedule_id, schedule_name, toString(kind) AS kind, toString(period_from) AS period_from, toString(period_to) AS period_to, time_zone, toString(trigger) AS trigger, scheduled_for, toString(state) AS state, attempts, next_attempt_at, started_at, finished_at, recipients, toString(data_check) AS data_check, data_note, artefacts, deliveries, not_sent_reason, error, owner_notice, requested_by, updated_at, version";

// The ids are selected as strings under their own names, so the WHERE clauses below compare strings.

/** JSON columns are written by this module only; a row that does not parse is a bug, not input. */
const parse = <T>(text: string, fallback: T): T => (text === "" ? fallback : (JSON.parse(text) as T));

function toSchedule(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.schedule_id,
    name: row.name,
    kind: row.kind as ReportKind,
    rule: row.rule as ScheduleRule,
    cron: row.cron,
    weekday: row.weekday === 0 ? null : row.weekday,
    atTime: row.at_time === "" ? null : row.at_time,
    timeZone: row.time_zone,
    recipients: parse<Recipient[]>(row.recipients, []),
    formats: row.formats as ReportFormat[],
    countries: row.countries,
    staleAction: row.stale_action as StaleAction,
    ownerId: row.owner_id,
    ownerLogin: row.owner_login,
    ownerEmail: row.owner_email,
    ownerScope: row.owner_scope === "" ? null : row.owner_scope,
    paused: row.paused === 1,
    deleted: row.deleted === 1,
    activeFrom: row.active_from,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.run_id,
    scheduleId: row.schedule_id,
    scheduleName: row.schedule_name,
    kind: row.kind as ReportKind,
    period: { from: row.period_from, to: row.period_to },
    timeZone: row.time_zone,
    trigger: row.trigger as RunTrigger,
    scheduledFor: row.scheduled_for,
    state: row.state as RunState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    recipients: row.recipients,
    dataCheck: row.data_check === "" ? null : (row.data_check as DataCheck),
    dataNote: row.data_note,
    artefacts: parse<Artefact[]>(row.artefacts, []),
    deliveries: parse<Delivery[]>(row.deliveries, []),
    notSentReason: row.not_sent_reason,
    error: row.error,
    ownerNotice: row.owner_notice,
    requestedBy: row.requested_by,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

/** Schedules and runs in the warehouse (migration 0034). Every write is a whole row with a higher version; reads use FINAL. */
export class ReportStore {
  constructor(private readonly warehouse: Warehouse) {}

  async schedules(options: { includeDeleted?: boolean; ownerId?: string } = {}): Promise<ScheduleRecord[]> {
    const rows = await this.warehouse.query<ScheduleRow>({
      sql: `SELECT ${SCHEDULE_COLUMNS} FROM report_schedules FINAL
            WHERE ({all:UInt8} = 1 OR deleted = 0) AND ({owner:String} = '' OR toString(owner_id) = {owner:String})
            ORDER BY created_at, schedule_id`,
      params: { all: options.includeDeleted ? 1 : 0, owner: options.ownerId ?? "" },
      tag: "reports:schedules",
    });
    return rows.map(toSchedule);
  }

  async schedule(id: string): Promise<ScheduleRecord | null> {
    const [row] = await this.warehouse.query<ScheduleRow>({ sql: `SELECT ${SCHEDULE_COLUMNS} FROM report_schedules FINAL WHERE schedule_id = {id:String}`, params: { id }, tag: "reports:schedule" });
    return row ? toSchedule(row) : null;
  }

  /** Writes the schedule as given, with the next version; returns what was written. */
  async putSchedule(schedule: Omit<ScheduleRecord, "version" | "updatedAt">, previousVersion: number | null): Promise<ScheduleRecord> {
    const written: ScheduleRecord = { ...schedule, updatedAt: new Date().toISOString(), version: nextVersion(previousVersion) };
    await this.warehouse.insert(
      "report_schedules",
      [
        {
          schedule_id: written.id,
          name: written.name,
          kind: written.kind,
          rule: written.rule,
          cron: written.cron,
          weekday: written.weekday ?? 0,
          at_time: written.atTime ?? "",
          time_zone: written.timeZone,
          recipients: JSON.stringify(written.recipients),
          formats: written.formats,
          countries: written.countries,
          stale_action: written.staleAction,
          owner_id: written.ownerId,
          owner_login: written.ownerLogin,
          owner_email: written.ownerEmail,
          owner_scope: written.ownerScope ?? "",
          paused: written.paused ? 1 : 0,
          deleted: written.deleted ? 1 : 0,
          active_from: written.activeFrom,
          created_at: written.createdAt,
          updated_at: written.updatedAt,
          version: written.version,
        },
      ],
      { tag: "reports:put-schedule" },
    );
    return written;
  }

  async run(id: string): Promise<RunRecord | null> {
    const [row] = await this.warehouse.query<RunRow>({ sql: `SELECT ${RUN_COLUMNS} FROM report_runs FINAL WHERE run_id = {id:String}`, params: { id }, tag: "reports:run" });
    return row ? toRun(row) : null;
  }

  /** The latest runs, newest period first; of one schedule, or of the schedules given. */
  async runs(options: { scheduleIds: readonly string[] | null; limit: number }): Promise<RunRecord[]> {
    const rows = await this.warehouse.query<RunRow>({
      sql: `SELECT ${RUN_COLUMNS} FROM report_runs FINAL
            WHERE {any:UInt8} = 1 OR has({ids:Array(String)}, toString(schedule_id))
            ORDER BY scheduled_for DESC, run_id DESC LIMIT {limit:UInt32}`,
      params: { any: options.scheduleIds === null ? 1 : 0, ids: options.scheduleIds ?? [], limit: options.limit },
      tag: "reports:runs",
    });
    return rows.map(toRun);
  }

  /** Runs the scheduler must look at: unfinished ones (after a restart, too) and those with a notice still to send. */
  async openRuns(): Promise<RunRecord[]> {
    const rows = await this.warehouse.query<RunRow>({
      sql: `SELECT ${RUN_COLUMNS} FROM report_runs FINAL
            WHERE state IN ('scheduled', 'running', 'sending', 'retrying') OR open_deliveries > 0
            ORDER BY scheduled_for`,
      tag: "reports:open-runs",
    });
    return rows.map(toRun);
  }

  async putRun(run: Omit<RunRecord, "version" | "updatedAt">, previousVersion: number | null): Promise<RunRecord> {
    const written: RunRecord = { ...run, updatedAt: new Date().toISOString(), version: nextVersion(previousVersion) };
    await this.warehouse.insert(
      "report_runs",
      [
        {
          run_id: written.id,
          schedule_id: written.scheduleId,
          schedule_name: written.scheduleName,
          kind: written.kind,
          period_from: written.period.from,
          period_to: written.period.to,
          time_zone: written.timeZone,
          trigger: written.trigger,
          scheduled_for: written.scheduledFor,
          state: written.state,
          attempts: written.attempts,
          next_attempt_at: written.nextAttemptAt,
          started_at: written.startedAt,
          finished_at: written.finishedAt,
          recipients: written.recipients,
          data_check: written.dataCheck ?? "",
          data_note: written.dataNote,
          artefacts: JSON.stringify(written.artefacts),
          deliveries: JSON.stringify(written.deliveries),
          open_deliveries: written.deliveries.filter((d) => d.state === "pending" || d.state === "sending").length,
          not_sent_reason: written.notSentReason,
          error: written.error,
          owner_notice: written.ownerNotice,
          requested_by: written.requestedBy,
          updated_at: written.updatedAt,
          version: written.version,
        },
      ],
      { tag: "reports:put-run" },
    );
    return written;
  }
}
