import path from "node:path";

/** Where the engine runs: in this process on a data directory, or on a ClickHouse server. */
export type EngineMode = "embedded" | "server";

export interface WarehouseConfig {
  readonly mode: EngineMode;
  /** Absolute path; holds the embedded engine's files, the ownership file and other platform state. */
  readonly dataDir: string;
  /** Server mode only. */
  readonly url: string | null;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** When set, migrations use the cluster flavour (ON CLUSTER, Replicated*, Distributed). */
  readonly cluster: string | null;
  /** Default per-statement timeout, passed to ClickHouse as max_execution_time. */
  readonly queryTimeoutMs: number;
  /** Embedded mode: statements on one engine session run one at a time, so a small pool gives concurrency. */
  readonly embeddedSessions: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration invalide / invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

/** ClickHouse identifiers we build SQL from must come from configuration that matches this. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads one positive integer variable, recording a problem instead of throwing so all problems are reported at once. */
export function positiveInt(env: Env, name: string, fallback: number, problems: string[], max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    problems.push(`${name}="${raw}": entier positif attendu (≤ ${max}) / positive integer expected`);
    return fallback;
  }
  return value;
}

export function warehouseConfigFromEnv(env: Env = process.env, cwd: string = process.cwd()): WarehouseConfig {
  const problems: string[] = [];
  const url = env.CLICKHOUSE_URL?.trim() || null;
  if (url !== null) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        problems.push(`CLICKHOUSE_URL="${url}": http:// ou https:// attendu / expected`);
      }
      if (parsed.username || parsed.password) {
        problems.push("CLICKHOUSE_URL: mettez l'utilisateur et le mot de passe dans CLICKHOUSE_USER / CLICKHOUSE_PASSWORD, pas dans l'URL / put credentials in CLICKHOUSE_USER / CLICKHOUSE_PASSWORD");
      }
    } catch {
      problems.push(`CLICKHOUSE_URL="${url}": URL illisible / not a URL`);
    }
  }
  const database = env.CLICKHOUSE_DATABASE?.trim() || "corridor";
  if (!IDENTIFIER.test(database)) problems.push(`CLICKHOUSE_DATABASE="${database}": identifiant attendu / identifier expected ([A-Za-z_][A-Za-z0-9_]*)`);
  const cluster = env.CLICKHOUSE_CLUSTER?.trim() || null;
  if (cluster !== null && !IDENTIFIER.test(cluster)) problems.push(`CLICKHOUSE_CLUSTER="${cluster}": identifiant attendu / identifier expected`);
  if (cluster !== null && url === null) problems.push("CLICKHOUSE_CLUSTER demande CLICKHOUSE_URL / needs CLICKHOUSE_URL (the embedded engine is a single node)");
  const config: WarehouseConfig = {
    mode: url === null ? "embedded" : "server",
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || "./data"),
    url,
    user: env.CLICKHOUSE_USER?.trim() || "default",
    password: env.CLICKHOUSE_PASSWORD ?? "",
    database,
    cluster,
    queryTimeoutMs: positiveInt(env, "QUERY_TIMEOUT_MS", 30_000, problems, 3_600_000),
    embeddedSessions: positiveInt(env, "EMBEDDED_SESSIONS", 4, problems, 32),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The embedded engine's files live in a sub-folder so DATA_DIR can also hold the inbox, report archives and the ownership file. */
export function engineDir(config: Pick<WarehouseConfig, "dataDir">): string {
  return path.join(config.dataDir, "clickhouse");
}
