/**
 * The schedule form's state, read from a schedule and checked into the API's
 * input. Pure, tested in web/test/reports-form.test.ts; the server checks
 * again (time zone, cron frequency) and its message is shown as it comes.
 */
import type { ReportFormat, ReportKind, ReportLanguage, ReportScheduleInput, ScheduleRule, StaleDataAction } from "../../gql/graphql";

export interface RecipientRow {
  readonly address: string;
  readonly language: ReportLanguage;
}

export interface ScheduleForm {
  readonly name: string;
  readonly kind: ReportKind;
  readonly rule: ScheduleRule;
  /** 1 (Monday) to 7 (Sunday). */
  readonly weekday: number;
  readonly time: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly recipients: readonly RecipientRow[];
  readonly formats: readonly ReportFormat[];
  readonly countries: readonly string[];
  readonly staleDataAction: StaleDataAction;
  readonly ownerEmail: string;
  readonly ownerLogin: string;
}

/** The zones of the corridor's countries, and UTC; the server accepts any IANA zone. */
export const TIME_ZONES = ["Africa/Lome", "Africa/Ouagadougou", "Africa/Bamako", "Africa/Niamey", "UTC"] as const;
export const REPORT_COUNTRIES = ["BF", "ML", "NE", "TG"] as const;
export const REPORT_FORMATS: readonly ReportFormat[] = ["PDF", "XLSX", "CSV"];

export const NEW_SCHEDULE: ScheduleForm = {
  name: "",
  kind: "WEEKLY_OPERATIONS",
  rule: "WEEKLY",
  weekday: 1,
  time: "07:00",
  cron: "0 7 * * 1",
  timeZone: "Africa/Lome",
  recipients: [{ address: "", language: "FR" }],
  formats: ["PDF", "XLSX"],
  countries: [],
  staleDataAction: "WARN",
  ownerEmail: "",
  ownerLogin: "",
};

export interface ScheduleLike {
  readonly name: string;
  readonly kind: ReportKind;
  readonly rule: ScheduleRule;
  readonly weekday: number | null;
  readonly time: string | null;
  readonly cron: string;
  readonly timeZone: string;
  readonly recipients: readonly RecipientRow[];
  readonly formats: readonly ReportFormat[];
  readonly countries: readonly string[];
  readonly staleDataAction: StaleDataAction;
  readonly ownerEmail: string;
  readonly owner: string;
}

/** A schedule as the form edits it: every field filled, the rule's unused ones with their defaults. */
export function formOf(schedule: ScheduleLike): ScheduleForm {
  return {
    name: schedule.name,
    kind: schedule.kind,
    rule: schedule.rule,
    weekday: schedule.weekday ?? NEW_SCHEDULE.weekday,
    time: schedule.time ?? NEW_SCHEDULE.time,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    recipients: schedule.recipients.map((r) => ({ address: r.address, language: r.language })),
    formats: [...schedule.formats],
    countries: [...schedule.countries],
    staleDataAction: schedule.staleDataAction,
    ownerEmail: schedule.ownerEmail,
    ownerLogin: schedule.owner,
  };
}

export type FormField = "name" | "recipients" | "address" | "formats" | "time" | "weekday" | "cron" | "timeZone" | "ownerEmail";

export interface FormProblem {
  readonly field: FormField;
  /** The offending value, when it helps to say it (an address). */
  readonly value?: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/u;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/u;

export function isEmail(text: string): boolean {
  return EMAIL.test(text) && text.length <= 254;
}

/**
 * The API's input for a filled form, or what is wrong with it. Blank
 * recipient rows are ignored; only the rule's own fields are sent.
 * `withOwnerLogin`: administrators may name another owner.
 */
export function checkForm(form: ScheduleForm, options: { withOwnerLogin?: boolean } = {}): { input: ReportScheduleInput; problems: [] } | { input: null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const name = form.name.trim();
  if (name.length === 0 || name.length > 200) problems.push({ field: "name" });
  const recipients = form.recipients.map((r) => ({ address: r.address.trim(), language: r.language })).filter((r) => r.address !== "");
  if (recipients.length === 0 || recipients.length > 50) problems.push({ field: "recipients" });
  for (const r of recipients) if (!isEmail(r.address)) problems.push({ field: "address", value: r.address });
  if (form.formats.length === 0) problems.push({ field: "formats" });
  if (!form.timeZone.trim()) problems.push({ field: "timeZone" });
  if (form.rule === "WEEKLY" && !(Number.isInteger(form.weekday) && form.weekday >= 1 && form.weekday <= 7)) problems.push({ field: "weekday" });
  if ((form.rule === "WEEKLY" || form.rule === "MONTHLY_FIRST_WORKING_DAY") && !TIME.test(form.time)) problems.push({ field: "time" });
  const cron = form.cron.trim().replace(/\s+/gu, " ");
  if (form.rule === "CRON" && cron.split(" ").length !== 5) problems.push({ field: "cron" });
  const ownerEmail = form.ownerEmail.trim();
  if (ownerEmail && !isEmail(ownerEmail)) problems.push({ field: "ownerEmail" });
  if (problems.length) return { input: null, problems };
  const ownerLogin = form.ownerLogin.trim();
  return {
    input: {
      name,
      kind: form.kind,
      rule: form.rule,
      weekday: form.rule === "WEEKLY" ? form.weekday : null,
      time: form.rule === "CRON" ? null : form.time,
      cron: form.rule === "CRON" ? cron : null,
      timeZone: form.timeZone.trim(),
      recipients,
      formats: REPORT_FORMATS.filter((f) => form.formats.includes(f)),
      countries: REPORT_COUNTRIES.filter((c) => form.countries.includes(c)),
      staleDataAction: form.staleDataAction,
      ownerEmail: ownerEmail || null,
      ...(options.withOwnerLogin && ownerLogin ? { ownerLogin } : {}),
    },
    problems: [],
  };
}

/** Addresses typed in one field, split on commas, semicolons, spaces or lines: the valid ones and the rest. */
export function parseAddresses(text: string): { valid: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/u)
    .map((p) => p.trim())
    .filter((p, i, all) => p !== "" && all.indexOf(p) === i);
  return { valid: parts.filter(isEmail), invalid: parts.filter((p) => !isEmail(p)) };
}
