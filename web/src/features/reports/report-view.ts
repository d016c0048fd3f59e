/**
 * How the Reports page says things and which runs it shows. Pure, tested in
 * web/test/reports-view.test.ts.
 */
import type { ReportRunState, ScheduleRule } from "../../gql/graphql";
import type { Language } from "../../i18n/format";

const WEEKDAYS: Record<Language, readonly string[]> = {
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

/** 1 (Monday) … 7 (Sunday) → its name. */
export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAYS[language][weekday - 1] ?? String(weekday);
}

/** `Chaque lundi à 07:00` / `Every Monday at 07:00`; the zone is said apart. */
export function describeTiming(timing: { rule: ScheduleRule; weekday: number | null; time: string | null; cron: string }, language: Language): string {
  const fr = language === "fr";
  switch (timing.rule) {
    case "WEEKLY":
      return fr ? `Chaque ${weekdayName(timing.weekday ?? 1, "fr")} à ${timing.time ?? ""}` : `Every ${weekdayName(timing.weekday ?? 1, "en")} at ${timing.time ?? ""}`;
    case "MONTHLY_FIRST_WORKING_DAY":
      return fr ? `Le premier jour ouvré du mois à ${timing.time ?? ""}` : `On the first working day of the month at ${timing.time ?? ""}`;
    default:
      return fr ? `Selon l'expression cron « ${timing.cron} »` : `By the cron expression "${timing.cron}"`;
  }
}

/** States a run leaves on its own: the page asks again while one is shown. */
const ACTIVE: ReadonlySet<ReportRunState> = new Set(["SCHEDULED", "RUNNING", "SENDING", "RETRYING"]);

export function isActive(state: ReportRunState): boolean {
  return ACTIVE.has(state);
}

/** Runs whose period (`to` excluded) overlaps the view's [from, to). */
export function runsOverlapping<R extends { period: { from: string; to: string } }>(runs: readonly R[], from: string, to: string): R[] {
  return runs.filter((r) => r.period.from < to && r.period.to > from);
}

export const RUN_STATES: readonly ReportRunState[] = ["SCHEDULED", "RUNNING", "SENDING", "SUCCEEDED", "FAILED", "RETRYING", "HELD"];

export interface RunFilters {
  readonly schedule: string | null;
  readonly state: ReportRunState | null;
}

/** The run log's own filters in the address: `rschedule` (a schedule id) and `rstate`. */
export function parseRunFilters(params: URLSearchParams): RunFilters {
  const schedule = params.get("rschedule");
  const state = params.get("rstate");
  return {
    schedule: schedule && /^[\w-]{1,80}$/u.test(schedule) ? schedule : null,
    state: state && (RUN_STATES as readonly string[]).includes(state) ? (state as ReportRunState) : null,
  };
}

export function writeRunFilters(filters: RunFilters, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set("rschedule", filters.schedule);
  set("rstate", filters.state);
  return params;
}



