import path from "node:path";
import { positiveInt } from "@corridor/warehouse";

/** How the platform talks to the mail server. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** tls: TLS from the first byte (port 465); starttls: plain then STARTTLS, required (587); none: no TLS, for a relay on the same host or network only. */
  readonly security: "tls" | "starttls" | "none";
  readonly user: string | null;
  readonly password: string | null;
  readonly from: string;
}

/** Scheduled reports (docs/reports.md); every field has an environment variable. */
export interface ReportSettings {
  /** null: reports are produced and archived, not e-mailed, and every run says so. */
  readonly smtp: SmtpSettings | null;
  /** Where artefacts are archived: DATA_DIR/reports. */
  readonly dir: string;
  /** A feed whose latest event is older than this before the period's end makes the data stale. */
  readonly maxDataAgeHours: number;
  /** Tries of one run (production and e-mail) before it is marked failed and its owner told. */
  readonly maxAttempts: number;
  /** Wait before the first retry; it doubles at each further try. */
  readonly retryDelayMs: number;
  /** How often the scheduler looks for due runs, retries and notices. */
  readonly checkMs: number;
}

const SECURITIES = ["tls", "starttls", "none"] as const;
const DEFAULT_PORT = { tls: 465, starttls: 587, none: 25 } as const;

export function reportSettingsFromEnv(env: Readonly<Record<string, string | undefined>>, dataDir: string, problems: string[]): ReportSettings {
  const host = env.SMTP_HOST?.trim() || null;
  const securityText = (env.SMTP_SECURE?.trim() || "starttls").toLowerCase();
  const security = (SECURITIES as readonly string[]).includes(securityText) ? (securityText as SmtpSettings["security"]) : null;
  if (security === null) problems.push(`SMTP_SECURE="${env.SMTP_SECURE}": tls, starttls ou none / tls, starttls or none`);
  const port = positiveInt(env, "SMTP_PORT", DEFAULT_PORT[security ?? "starttls"], problems, 65_535);
  const user = env.SMTP_USER?.trim() || null;
  const password = env.SMTP_PASSWORD ?? null;
  if (user !== null && !password) problems.push("SMTP_USER sans SMTP_PASSWORD / SMTP_USER without SMTP_PASSWORD");
  const from = env.SMTP_FROM?.trim() || (host ? `observatoire@${host}` : "");
  if (host !== null && !/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/u.test(from)) problems.push(`SMTP_FROM="${env.SMTP_FROM}": adresse attendue, p. ex. « Observatoire <rapports@exemple.tg> » / an address is expected, e.g. "Observatory <reports@example.tg>"`);
  return {
    smtp: host === null ? null : { host, port, security: security ?? "starttls", user, password: user === null ? null : password, from },
    dir: path.join(dataDir, "reports"),
    maxDataAgeHours: positiveInt(env, "REPORTS_MAX_DATA_AGE_HOURS", 72, problems, 24 * 366),
    maxAttempts: positiveInt(env, "REPORTS_MAX_ATTEMPTS", 4, problems, 20),
    retryDelayMs: positiveInt(env, "REPORTS_RETRY_DELAY_MS", 60_000, problems, 24 * 3_600_000),
    checkMs: positiveInt(env, "REPORTS_CHECK_MS", 30_000, problems, 3_600_000),
  };
}
