import type { User } from "../auth/access-store.js";
import { REPORT_FORMATS, type Language, type Recipient, type ReportFormat, type StaleAction } from "./report-records.js";
import { cronOf, REPORT_KINDS, SCHEDULE_RULES, ScheduleError, type ReportKind, type ScheduleRule } from "./schedule-rules.js";

/** A schedule as a client sends it, before checks (GraphQL ReportScheduleInput). */
export interface ScheduleInput {
  readonly name: string;
  readonly kind: ReportKind;
  readonly rule: ScheduleRule;
  readonly weekday?: number | null;
  readonly time?: string | null;
  readonly cron?: string | null;
  readonly timeZone: string;
  readonly recipients: readonly { readonly address: string; readonly language: Language }[];
  readonly formats: readonly ReportFormat[];
  readonly countries: readonly string[];
  readonly staleDataAction: StaleAction;
  readonly ownerEmail?: string | null;
}

/** What a valid input fixes of a schedule; the owner is decided by the service. */
export interface CheckedSchedule {
  readonly name: string;
  readonly kind: ReportKind;
  readonly rule: ScheduleRule;
  readonly cron: string;
  readonly weekday: number | null;
  readonly atTime: string | null;
  readonly timeZone: string;
  readonly recipients: readonly Recipient[];
  readonly formats: readonly ReportFormat[];
  readonly countries: readonly string[];
  readonly staleAction: StaleAction;
  readonly ownerEmail: string;
  readonly ownerScope: string | null;
}

const AES_AND_TOGO = new Set(["BF", "ML", "NE", "TG"]);
/** Deliberately plain: one @, no spaces or angle brackets; the mail server has the last word. */
const ADDRESS = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/u;

export function isAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/** Checks every field and says all that is wrong at once (French / English). */
export function checkScheduleInput(input: ScheduleInput, owner: User): CheckedSchedule {
  const problems: string[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) problems.push("nom : 1 à 200 caractères / name: 1 to 200 characters");
  if (!(REPORT_KINDS as readonly string[]).includes(input.kind)) problems.push("sorte de rapport inconnue / unknown report kind");
  if (!(SCHEDULE_RULES as readonly string[]).includes(input.rule)) problems.push("règle inconnue / unknown rule");
  const recipients: Recipient[] = [];
  if (input.recipients.length < 1 || input.recipients.length > 50) problems.push("destinataires : 1 à 50 / recipients: 1 to 50");
  for (const r of input.recipients) {
    const address = r.address.trim().toLowerCase();
    if (!isAddress(address)) problems.push(`adresse invalide « ${r.address.slice(0, 100)} » / invalid address "${r.address.slice(0, 100)}"`);
    else if (!recipients.some((x) => x.address === address)) recipients.push({ address, language: r.language === "en" ? "en" : "fr" });
  }
  const formats = REPORT_FORMATS.filter((f) => input.formats.includes(f));
  if (formats.length === 0) problems.push("formats : au moins un de PDF, XLSX, CSV / formats: at least one of PDF, XLSX, CSV");
  const countries = [...new Set(input.countries.map((c) => c.trim().toUpperCase()))].sort();
  for (const c of countries) if (!AES_AND_TOGO.has(c)) problems.push(`pays « ${c.slice(0, 10)} » : BF, ML, NE ou TG / country "${c.slice(0, 10)}": BF, ML, NE or TG`);
  // A scoped owner's reports show that country's detail only (docs/security.md): the filter is forced to it.
  const ownerScope = owner.country;
  if (ownerScope !== null && countries.some((c) => c !== ownerScope)) problems.push(`le responsable ${owner.login} ne voit que ${ownerScope} : pays = [${ownerScope}] / owner ${owner.login} sees ${ownerScope} only: countries = [${ownerScope}]`);
  const ownerEmail = (input.ownerEmail?.trim() || (isAddress(owner.login) ? owner.login : "")).toLowerCase();
  if (!isAddress(ownerEmail)) problems.push("ownerEmail : une adresse est nécessaire pour prévenir le responsable / ownerEmail: an address is needed to notify the owner");
  if (input.staleDataAction !== "warn" && input.staleDataAction !== "hold") problems.push("staleDataAction : WARN ou HOLD / staleDataAction: WARN or HOLD");
  const timing = { rule: input.rule, weekday: input.rule === "weekly" ? (input.weekday ?? null) : null, atTime: input.rule === "cron" ? null : (input.time?.trim() ?? null), cron: input.rule === "cron" ? (input.cron ?? null) : null, timeZone: input.timeZone.trim() };
  let cron = "";
  try {
    cron = cronOf(timing);
  } catch (error) {
    if (error instanceof ScheduleError) problems.push(error.message);
    else throw error;
  }
  if (problems.length > 0) throw new ScheduleError(problems.join(" ; "));
  return {
    name,
    kind: input.kind,
    rule: input.rule,
    cron,
    weekday: timing.weekday,
    atTime: timing.atTime,
    timeZone: timing.timeZone,
    recipients,
    formats,
    countries: ownerScope !== null ? [ownerScope] : countries,
    staleAction: input.staleDataAction,
    ownerEmail,
    ownerScope,
  };
}
