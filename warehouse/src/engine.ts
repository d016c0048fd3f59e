import fs from "node:fs";
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions, type ClickHouseSettings } from "@clickhouse/client";
import { createChdbConnection } from "chdb/connection";
import { engineDir, IDENTIFIER, type WarehouseConfig } from "./config.js";
import { claimDataDir, DataDirBusyError, liveOwner, type DataDirClaim, type DataDirOwner } from "./data-dir.js";
import { toWarehouseError, WarehouseError } from "./errors.js";
import { CLIENT_SETTINGS, statementSettings } from "./settings.js";

type Connection = NonNullable<ClickHouseClientConfigOptions["connection"]>;

/**
 * The clients behind a Warehouse. On a server, one HTTP client with its own
 * socket pool. Embedded, statements on one engine session run one after the
 * other, so a few sessions on the same directory serve concurrent requests.
 */
export interface Lease {
  readonly client: ClickHouseClient;
  /**
   * The settings to send with a statement that needs `wanted`. Embedded
   * sessions keep every SET, so only the values that differ from what the
   * session already holds are sent (chDB runs each as its own SET statement);
   * a server gets them all, as its sessions keep nothing.
   */
  settingsFor(wanted: ClickHouseSettings): ClickHouseSettings;
  /** After a failure the session's settings are unknown: the next statement sends them all. */
  forgetSettings(): void;
  release(): void;
}

export interface Engine {
  readonly mode: WarehouseConfig["mode"];
  /** A client no other statement is using (embedded), or the shared client (server); release it when done. */
  acquire(): Promise<Lease>;
  /** For the ownership file: lets the server publish its URL. */
  readonly claim: DataDirClaim | null;
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Recorded in the ownership file so a second process can say who holds the directory. */
  readonly role: DataDirOwner["role"];
}

const BOOTSTRAP_TAG = "warehouse:bootstrap";

export async function openEngine(config: WarehouseConfig, options: OpenEngineOptions): Promise<Engine> {
  return config.mode === "server" ? openServerEngine(config) : openEmbeddedEngine(config, options);
}

async function openServerEngine(config: WarehouseConfig): Promise<Engine> {
  const base: ClickHouseClientConfigOptions = {
    url: config.url ?? undefined,
    username: config.user,
    password: config.password,
    // The engine stops a statement at max_execution_time; the socket waits a little longer for that typed error.
    request_timeout: config.queryTimeoutMs + 10_000,
    max_open_connections: 16,
    compression: { response: true, request: false },
    clickhouse_settings: CLIENT_SETTINGS,
    application: "corridor-observatory",
  };
  // The database may not exist yet on a fresh server: create it through the default database first.
  const bootstrap = createClient({ ...base, database: "default" });
  try {
    await bootstrap.command({ query: createDatabaseSql(config), clickhouse_settings: statementSettings(BOOTSTRAP_TAG, 60_000) });
  } catch (error) {
    const failure = toWarehouseError(error, BOOTSTRAP_TAG);
    // A user without CREATE DATABASE can still work in a database an administrator made.
    if (failure.kind !== "access") throw failure;
    const rs = await bootstrap.query({ query: "SELECT count() AS n FROM system.databases WHERE name = {db:String}", query_params: { db: config.database }, format: "JSONEachRow" });
    const [row] = await rs.json<{ n: string }>();
    if (row?.n !== "1") throw failure;
  } finally {
    await bootstrap.close();
  }
  const client = createClient({ ...base, database: config.database });
  return {
    mode: "server",
    claim: null,
    acquire: async () => ({ client, settingsFor: (wanted) => wanted, forgetSettings: () => undefined, release: () => undefined }),
    close: () => client.close(),
  };
}

function createDatabaseSql(config: WarehouseConfig): string {
  // Identifiers come from validated configuration only (IDENTIFIER); values never reach DDL text.
  if (!IDENTIFIER.test(config.database)) throw new Error(`invalid database name ${config.database}`);
  const onCluster = config.cluster !== null ? ` ON CLUSTER \`${config.cluster}\`` : "";
  return `CREATE DATABASE IF NOT EXISTS \`${config.database}\`${onCluster}`;
}

async function openEmbeddedEngine(config: WarehouseConfig, options: OpenEngineOptions): Promise<Engine> {
  const claim = claimDataDir(config.dataDir, options.role);
  const clients: ClickHouseClient[] = [];
  try {
    const dir = engineDir(config);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < config.embeddedSessions; i++) {
      // No client-level settings: chDB would re-send them as SET statements before every query.
      // They are set once below and stay on the session.
      const client = createClient({ connection: openChdb(dir, config) });
      if (i === 0) await client.command({ query: createDatabaseSql(config), clickhouse_settings: { ...CLIENT_SETTINGS, ...statementSettings(BOOTSTRAP_TAG, 60_000) } });
      // Each session keeps its own current database: pin it once, so SQL names tables without a database.
      await client.command({ query: `USE \`${config.database}\``, clickhouse_settings: CLIENT_SETTINGS });
      clients.push(client);
    }
  } catch (error) {
    await Promise.allSettled(clients.map((c) => c.close()));
    claim.release();
    throw error instanceof WarehouseError ? error : toWarehouseError(error, BOOTSTRAP_TAG);
  }
  const pool = new SessionPool(clients);
  return {
    mode: "embedded",
    claim,
    acquire: () => pool.acquire(),
    async close() {
      await pool.close();
      claim.release();
    },
  };
}

function openChdb(dir: string, config: WarehouseConfig): Connection {
  try {
    // The chdb Connection implements @clickhouse/client-common's contract from its own copy of that package,
    // so the two ClickHouseSettings types differ nominally: the cast bridges identical shapes.
    return createChdbConnection({ path: dir }) as unknown as Connection;
  } catch (error) {
    // The engine's own reason ("Cannot lock file …/status") goes to stderr only; say it plainly here.
    const owner = liveOwner(config.dataDir);
    if (owner !== null) throw new DataDirBusyError(config.dataDir, owner);
    throw new WarehouseError(
      "locked",
      `Impossible d'ouvrir le moteur embarqué sur ${dir}: un autre processus l'utilise probablement. / Cannot open the embedded engine on ${dir}: another process is probably using it.`,
      BOOTSTRAP_TAG,
      null,
      null,
      { cause: error },
    );
  }
}

/** An embedded session and the settings it holds (CLIENT_SETTINGS were set when it opened). */
interface Session {
  readonly client: ClickHouseClient;
  held: Map<string, unknown>;
}

/** Hands each statement a session that is not running another one; waiters are served in arrival order. */
class SessionPool {
  private readonly idle: Session[];
  private readonly waiting: Array<(session: Session) => void> = [];
  private closed = false;

  constructor(private readonly all: readonly ClickHouseClient[]) {
    this.idle = all.map((client) => ({ client, held: new Map() }));
  }

  async acquire(): Promise<Lease> {
    if (this.closed) throw new WarehouseError("unavailable", "warehouse is closed", "warehouse:pool");
    const session = this.idle.pop() ?? (await new Promise<Session>((resolve) => this.waiting.push(resolve)));
    let released = false;
    return {
      client: session.client,
      settingsFor(wanted) {
        const delta: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(wanted)) {
          if (session.held.get(key) !== value) delta[key] = value;
        }
        // Recorded before the statement runs: chDB applies the SETs before the statement itself,
        // and a failure makes the caller forget everything anyway.
        for (const [key, value] of Object.entries(delta)) session.held.set(key, value);
        return delta as ClickHouseSettings;
      },
      forgetSettings() {
        session.held = new Map();
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next(session);
        else this.idle.push(session);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.all.map((c) => c.close()));
  }
}
