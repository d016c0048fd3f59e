import path from "node:path";
import { fileURLToPath } from "node:url";
import { etlSettingsFromEnv, type EtlSettings } from "@corridor/etl";
import type { DemoSettings } from "./demo/demo-load.js";
import { apiLimitsFromEnv, type ApiLimits } from "./limits/api-limits.js";
import { reportSettingsFromEnv, type ReportSettings } from "./reports/report-settings.js";
import { ConfigError, positiveInt, warehouseConfigFromEnv, type LogLevel, type WarehouseConfig } from "@corridor/warehouse";

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** The built dashboard (web/dist), served at /. */
  readonly webDir: string;
  readonly warehouse: WarehouseConfig;
  readonly etl: EtlSettings;
  readonly sessionTtlMs: number;
  /** A session unused this long ends (0: never); counted in this process, so a restart starts the count again. */
  readonly sessionIdleMs: number;
  readonly uploadMaxBytes: number;
  readonly demo: DemoSettings;
  /** Folder watched for feed files; null when INBOX_POLL_MS is 0. */
  readonly inboxDir: string | null;
  readonly inboxPollMs: number;
  readonly api: ApiLimits;
  /** Express `trust proxy`: a number of proxy hops, or addresses/subnets (loopback, 10.0.0.0/8…); null: none. */
  readonly trustProxy: string | number | null;
  /** Scheduled reports: mail server, data-age limit, retries (docs/reports.md). */
  readonly reports: ReportSettings;
}

const LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Parsed once at the entry point and passed down; every problem is reported at once. */
export function serverConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): ServerConfig {
  const problems: string[] = [];
  let warehouse: WarehouseConfig | null = null;
  let etl: EtlSettings | null = null;
  try {
    warehouse = warehouseConfigFromEnv(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) problems.push(...error.problems);
    else throw error;
  }
  try {
    etl = etlSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) problems.push(...error.problems);
    else throw error;
  }
  // PORT=0 asks the system for any free port (tests use it); the URL printed is the real one.
  const port = env.PORT?.trim() === "0" ? 0 : positiveInt(env, "PORT", 4000, problems, 65_535);
  const host = env.HOST?.trim() || "127.0.0.1";
  const level = (env.LOG_LEVEL?.trim() || "info") as LogLevel;
  if (!LEVELS.includes(level)) problems.push(`LOG_LEVEL="${env.LOG_LEVEL}": un de / one of ${LEVELS.join(", ")}`);
  const webDir = env.WEB_DIR?.trim() ? path.resolve(cwd, env.WEB_DIR.trim()) : fileURLToPath(new URL("../../web/dist/", import.meta.url));
  const sessionTtlMs = positiveInt(env, "SESSION_TTL_HOURS", 12, problems, 24 * 90) * 3_600_000;
  // SESSION_IDLE_MINUTES=0 turns the idle limit off (the session then lasts SESSION_TTL_HOURS whatever happens).
  const sessionIdleMs = env.SESSION_IDLE_MINUTES?.trim() === "0" ? 0 : positiveInt(env, "SESSION_IDLE_MINUTES", 120, problems, 24 * 60 * 90) * 60_000;
  const uploadMaxBytes = positiveInt(env, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024, problems, 200 * 1024 * 1024);
  const demoFlag = env.DEMO_DATA?.trim().toLowerCase() || "on";
  if (demoFlag !== "on" && demoFlag !== "off") problems.push(`DEMO_DATA="${env.DEMO_DATA}": on ou off / on or off`);
  const demoScaleText = env.DEMO_SCALE?.trim() || "0.02";
  const demoScale = Number(demoScaleText);
  if (!Number.isFinite(demoScale) || demoScale <= 0 || demoScale > 2) problems.push(`DEMO_SCALE="${env.DEMO_SCALE}": nombre > 0 et ≤ 2 / number > 0 and ≤ 2`);
  // Three years up to the last complete month, so the dashboard's recent periods have data.
  const today = new Date();
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const first = new Date(Date.UTC(last.getUTCFullYear() - 3, last.getUTCMonth() + 1, 1));
  const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  const demo: DemoSettings = { enabled: demoFlag === "on", from: month(first), to: month(last), scale: demoScale, seed: 42 };
  // INBOX_POLL_MS=0 turns the inbox off.
  const inboxPollMs = env.INBOX_POLL_MS?.trim() === "0" ? 0 : positiveInt(env, "INBOX_POLL_MS", 2000, problems, 3_600_000);
  const api = apiLimitsFromEnv(env, problems);
  const trustText = env.TRUST_PROXY?.trim() || "";
  const trustProxy = trustText === "" ? null : /^\d+$/u.test(trustText) ? Number(trustText) : trustText;
  const reports = reportSettingsFromEnv(env, warehouse?.dataDir ?? cwd, problems);
  if (problems.length > 0 || warehouse === null || etl === null) throw new ConfigError(problems);
  const inboxDir = inboxPollMs === 0 ? null : path.resolve(cwd, env.INBOX_DIR?.trim() || path.join(warehouse.dataDir, "inbox"));
  return { port, host, logLevel: level, webDir, warehouse, etl, inboxDir, inboxPollMs, sessionTtlMs, sessionIdleMs, uploadMaxBytes, demo, api, trustProxy, reports };
}

/** The address people type: a wildcard or loopback bind is reached as localhost. */
export function publicUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" || host === "127.0.0.1" || host === "::1" ? "localhost" : host;
  return `http://${shown}:${port}/`;
}
