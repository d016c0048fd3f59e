import { Cron } from "croner";
import { addDays, addMonths, type Period } from "../metrics/query/period.js";
import { validTimeZone } from "../metrics/query/period.js";

export const REPORT_KINDS = ["weekly_operations", "monthly_corridor"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const SCHEDULE_RULES = ["weekly", "monthly_first_working_day", "cron"] as const;
export type ScheduleRule = (typeof SCHEDULE_RULES)[number];

/** When a schedule runs, as people say it; `cronOf` turns it into the one cron expression the scheduler follows. */
export interface Timing {
  readonly rule: ScheduleRule;
  /** weekly: 1 = Monday … 7 = Sunday. */
  readonly weekday: number | null;
  /** weekly and monthly rules: local time HH:MM. */
  readonly atTime: string | null;
  /** cron rule: five fields, minute to day of week, in the schedule's zone. */
  readonly cron: string | null;
  readonly timeZone: string;
}

/** A timing that cannot be scheduled; the message says what to change (French / English). */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScheduleError";
  }
}

/** Closer runs than this would flood mailboxes: a report summarises at least an hour. */
const MIN_INTERVAL_MS = 3_600_000;

function hourMinute(atTime: string | null): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(atTime ?? "");
  if (!m) throw new ScheduleError(`heure « ${atTime ?? ""} » : HH:MM attendu (07:00) / time "${atTime ?? ""}": HH:MM expected (07:00)`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The cron expression of a timing. "The first working day of the month" is
 * `1W`: the weekday nearest the 1st within the month, so a month starting on
 * a Saturday or Sunday runs on Monday the 3rd or the 2nd (Monday to Friday;
 * public holidays are not known to the platform).
 */
export function cronOf(timing: Timing): string {
  if (!validTimeZone(timing.timeZone)) throw new ScheduleError(`fuseau horaire inconnu « ${timing.timeZone} » / unknown time zone "${timing.timeZone}"`);
  let expression: string;
  switch (timing.rule) {
    case "weekly": {
      const [h, m] = hourMinute(timing.atTime);
      if (timing.weekday === null || !Number.isInteger(timing.weekday) || timing.weekday < 1 || timing.weekday > 7) throw new ScheduleError("jour de la semaine : 1 (lundi) à 7 (dimanche) / weekday: 1 (Monday) to 7 (Sunday)");
      expression = `${m} ${h} * * ${timing.weekday % 7}`;
      break;
    }
    case "monthly_first_working_day": {
      const [h, m] = hourMinute(timing.atTime);
      expression = `${m} ${h} 1W * *`;
      break;
    }
    case "cron": {
      expression = (timing.cron ?? "").trim().replace(/\s+/gu, " ");
      if (expression.split(" ").length !== 5) throw new ScheduleError("expression cron : cinq champs (minute heure jour mois jour-de-semaine) / cron expression: five fields (minute hour day month weekday)");
      break;
    }
  }
  let runs: Date[];
  try {
    runs = cronJob(expression, timing.timeZone).nextRuns(3, new Date());
  } catch (error) {
    throw new ScheduleError(`expression cron invalide « ${expression} » : ${error instanceof Error ? error.message : String(error)} / invalid cron expression "${expression}"`);
  }
  if (runs.length === 0) throw new ScheduleError(`l'expression « ${expression} » ne se déclenche jamais / the expression "${expression}" never fires`);
  for (let i = 1; i < runs.length; i++) {
    if ((runs[i] as Date).getTime() - (runs[i - 1] as Date).getTime() < MIN_INTERVAL_MS) throw new ScheduleError("au plus une exécution par heure / at most one run an hour");
  }
  return expression;
}

function cronJob(expression: string, timeZone: string): Cron {
  // No callback: croner only computes times here; the scheduler keeps its own single timer.
  return new Cron(expression, { timezone: timeZone, paused: true });
}

/** The next `n` run times after `after`. */
export function nextRuns(cron: string, timeZone: string, after: Date, n: number): Date[] {
  return cronJob(cron, timeZone).nextRuns(n, after);
}

/**
 * The latest run time at or before `now` and not before `notBefore`, or null.
 * Only the latest: a schedule that missed several runs while the platform was
 * down catches up once, on the most recent.
 */
export function latestDue(cron: string, timeZone: string, now: Date, notBefore: Date): Date | null {
  // previousRuns looks strictly before its reference: a run due this very millisecond counts.
  const [latest] = cronJob(cron, timeZone).previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest.getTime() >= notBefore.getTime() ? latest : null;
}

/** The local calendar day of an instant in a zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The period a run reports on, from the local date it runs: the weekly report
 * covers the last complete ISO week (Monday to Monday) before the run's week,
 * the monthly report the last complete month before the run's month.
 */
export function reportPeriod(kind: ReportKind, runAt: Date, timeZone: string): Period {
  const day = localDate(runAt, timeZone);
  if (kind === "weekly_operations") {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
    const monday = addDays(day, -weekday);
    return { from: addDays(monday, -7), to: monday };
  }
  const first = `${day.slice(0, 7)}-01`;
  return { from: addMonths(first, -1), to: first };
}

/** The period that contains a given local date, for "run now" on a chosen period. */
export function periodContaining(kind: ReportKind, date: string): Period {
  if (kind === "weekly_operations") {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(date, -weekday);
    return { from: monday, to: addDays(monday, 7) };
  }
  const first = `${date.slice(0, 7)}-01`;
  return { from: first, to: addMonths(first, 1) };
}
