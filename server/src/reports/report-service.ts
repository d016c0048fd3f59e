import { randomUUID } from "node:crypto";
import type { AccessStore, User } from "../auth/access-store.js";
import type { Principal } from "../auth/principal.js";
import type { Role } from "../auth/roles.js";
import { parseLocalDate, type Period } from "../metrics/query/period.js";
import type { RunExecutor } from "./run-executor.js";
import type { ReportStore } from "./report-store.js";
import type { ReportSettings } from "./report-settings.js";
import type { Recipient, RunRecord, ScheduleRecord } from "./report-records.js";
import { checkScheduleInput, type ScheduleInput } from "./schedule-input.js";
import { localDate, nextRuns, periodContaining, reportPeriod, ScheduleError } from "./schedule-rules.js";
import { isAddress } from "./schedule-input.js";

/** Roles that create, change, run and re-send any schedule (docs/reports.md). */
export const REPORT_MANAGERS: readonly Role[] = ["admin", "port_authority"];
/** Roles that see schedules: managers see all, a ministry the schedules it owns. */
export const REPORT_VIEWERS: readonly Role[] = ["admin", "port_authority", "ministry"];

/** A request about a schedule or run that does not exist for this caller, or cannot be done now. */
export class ReportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportRequestError";
  }
}

const UNKNOWN_SCHEDULE = "programmation inconnue / unknown schedule";
const UNKNOWN_RUN = "exécution inconnue / unknown run";

const seesAll = (principal: Principal) => REPORT_MANAGERS.includes(principal.role);

/**
 * Managing schedules and their runs, for the GraphQL resolvers: who may see
 * and do what, the checks, and the hand-over to the executor. Figures and
 * documents are the executor's business.
 */
export class ReportService {
  constructor(
    private readonly store: ReportStore,
    private readonly access: AccessStore,
    private readonly executor: RunExecutor,
    readonly settings: ReportSettings,
  ) {}

  async schedules(principal: Principal): Promise<ScheduleRecord[]> {
    return this.store.schedules(seesAll(principal) ? {} : { ownerId: principal.userId });
  }

  async schedule(id: string, principal: Principal): Promise<ScheduleRecord | null> {
    if (!isUuid(id)) return null;
    const schedule = await this.store.schedule(id);
    if (!schedule || schedule.deleted) return null;
    return seesAll(principal) || schedule.ownerId === principal.userId ? schedule : null;
  }

  /** The next run times of a schedule; none while it is paused. */
  nextRuns(schedule: ScheduleRecord, count = 3): Date[] {
    return schedule.paused || schedule.deleted ? [] : nextRuns(schedule.cron, schedule.timeZone, new Date(), count);
  }

  async create(input: ScheduleInput & { ownerLogin?: string | null }, principal: Principal): Promise<ScheduleRecord> {
    const owner = await this.ownerFor(input.ownerLogin ?? null, principal);
    const checked = checkScheduleInput(input, owner);
    const at = new Date().toISOString();
    return this.store.putSchedule({ id: randomUUID(), ...checked, ownerId: owner.userId, ownerLogin: owner.login, paused: false, deleted: false, activeFrom: at, createdAt: at }, null);
  }

  async update(id: string, input: ScheduleInput & { ownerLogin?: string | null }, principal: Principal): Promise<ScheduleRecord> {
    const current = await this.managed(id, principal);
    const owner = input.ownerLogin ? await this.ownerFor(input.ownerLogin, principal) : await this.currentOwner(current);
    const checked = checkScheduleInput(input, owner);
    // A new timing starts afresh: a time already past under the new rule is not "missed".
    const retimed = checked.cron !== current.cron || checked.timeZone !== current.timeZone;
    return this.store.putSchedule({ ...current, ...checked, ownerId: owner.userId, ownerLogin: owner.login, activeFrom: retimed ? new Date().toISOString() : current.activeFrom }, current.version);
  }

  async setPaused(id: string, paused: boolean, principal: Principal): Promise<ScheduleRecord> {
    const current = await this.managed(id, principal);
    if (current.paused === paused) return current;
    // Runs that fell due during a pause are not caught up on resuming.
    return this.store.putSchedule({ ...current, paused, activeFrom: paused ? current.activeFrom : new Date().toISOString() }, current.version);
  }

  /** Deleted schedules stop; their runs and documents stay, to be read and downloaded. */
  async delete(id: string, principal: Principal): Promise<boolean> {
    const current = await this.managed(id, principal);
    await this.store.putSchedule({ ...current, deleted: true, paused: true }, current.version);
    return true;
  }

  /**
   * Runs a schedule now for the period containing `date` (a local date), or
   * for the last complete period. The run id is the scheduler's for that
   * period, so a period already sent is refused (re-send it instead).
   */
  async runNow(scheduleId: string, date: string | null, principal: Principal): Promise<RunRecord> {
    const schedule = await this.managed(scheduleId, principal);
    let period: Period;
    if (date !== null) {
      if (parseLocalDate(date) === null) throw new ReportRequestError(`date « ${date.slice(0, 20)} » : AAAA-MM-JJ attendu / date "${date.slice(0, 20)}": YYYY-MM-DD expected`);
      period = periodContaining(schedule.kind, date);
    } else {
      period = reportPeriod(schedule.kind, new Date(), schedule.timeZone);
    }
    if (period.to > localDate(new Date(), schedule.timeZone)) throw new ReportRequestError(`la période ${period.from} → ${period.to} n'est pas terminée / the period ${period.from} → ${period.to} is not over`);
    if (period.from < "2000-01-01") throw new ReportRequestError("période trop ancienne / period too old");
    return this.executor.runNow(schedule, period, principal.login);
  }

  /** Sends a produced run again, to the schedule's recipients or to those given. */
  async resend(runId: string, recipients: readonly Recipient[] | null, principal: Principal): Promise<RunRecord> {
    const run = await this.store.run(runId);
    if (!run) throw new ReportRequestError(UNKNOWN_RUN);
    const schedule = await this.managed(run.scheduleId, principal, true);
    const list = recipients ?? schedule.recipients;
    if (list.length < 1 || list.length > 50) throw new ReportRequestError("destinataires : 1 à 50 / recipients: 1 to 50");
    for (const r of list) if (!isAddress(r.address.trim())) throw new ReportRequestError(`adresse invalide « ${r.address.slice(0, 100)} » / invalid address "${r.address.slice(0, 100)}"`);
    const clean = list.map((r) => ({ address: r.address.trim().toLowerCase(), language: r.language }));
    return this.executor.resend(run, schedule, clean, principal.login);
  }

  async runs(scheduleId: string | null, limit: number, principal: Principal): Promise<RunRecord[]> {
    if (scheduleId !== null) {
      const schedule = await this.viewable(scheduleId, principal);
      return schedule ? this.store.runs({ scheduleIds: [schedule.id], limit }) : [];
    }
    if (seesAll(principal)) return this.store.runs({ scheduleIds: null, limit });
    const own = await this.store.schedules({ ownerId: principal.userId, includeDeleted: true });
    return own.length === 0 ? [] : this.store.runs({ scheduleIds: own.map((s) => s.id), limit });
  }

  async run(id: string, principal: Principal): Promise<RunRecord | null> {
    const run = await this.store.run(id);
    if (!run) return null;
    return (await this.viewable(run.scheduleId, principal)) ? run : null;
  }

  /** The schedule, if the caller may see it (deleted ones too: their runs stay readable). */
  private async viewable(id: string, principal: Principal): Promise<ScheduleRecord | null> {
    if (!isUuid(id)) return null;
    const schedule = await this.store.schedule(id);
    if (!schedule) return null;
    return seesAll(principal) || schedule.ownerId === principal.userId ? schedule : null;
  }

  private async managed(id: string, principal: Principal, allowDeleted = false): Promise<ScheduleRecord> {
    if (!seesAll(principal)) throw new ReportRequestError("votre rôle ne permet pas de gérer les rapports / your role does not allow managing reports");
    const schedule = isUuid(id) ? await this.store.schedule(id) : null;
    if (!schedule || (schedule.deleted && !allowDeleted)) throw new ReportRequestError(UNKNOWN_SCHEDULE);
    return schedule;
  }

  /** Only administrators name another owner; everyone else owns what they create. */
  private async ownerFor(login: string | null, principal: Principal): Promise<User> {
    if (login && login.trim().toLowerCase() !== principal.login) {
      if (principal.role !== "admin") throw new ReportRequestError("seuls les administrateurs choisissent un autre responsable / only administrators choose another owner");
      const user = await this.access.userByLogin(login);
      if (!user || user.disabled) throw new ReportRequestError(`compte inconnu ou désactivé « ${login.slice(0, 100)} » / unknown or disabled account "${login.slice(0, 100)}"`);
      return user;
    }
    const self = await this.access.userById(principal.userId);
    if (!self) throw new ReportRequestError("compte inconnu / unknown account");
    return self;
  }

  private async currentOwner(schedule: ScheduleRecord): Promise<User> {
    const user = await this.access.userById(schedule.ownerId);
    if (!user) throw new ScheduleError(`le responsable ${schedule.ownerLogin} n'existe plus : choisissez-en un autre (ownerLogin) / owner ${schedule.ownerLogin} no longer exists: choose another (ownerLogin)`);
    return user;
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(id);
}
