import type { ClickHouseClient, ClickHouseSettings } from "@clickhouse/client";
import type { WarehouseConfig } from "./config.js";
import { openEngine, type Engine, type OpenEngineOptions } from "./engine.js";
import { toWarehouseError, WarehouseError } from "./errors.js";
import { createLogger, type Logger } from "./logger.js";
import { statementSettings, type StatementSettingOverrides } from "./settings.js";
import { checkTable, type TableName } from "./tables.js";

/**
 * One SQL statement. Values travel in `params` only, bound by ClickHouse with
 * their declared types (`{from:DateTime64(3)}`); the SQL text is ours alone.
 */
export interface Statement {
  readonly sql: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Names the call site; written to log_comment and to our logs. */
  readonly tag: string;
  /** Overrides the configured default time limit. */
  readonly timeoutMs?: number;
  readonly settings?: StatementSettingOverrides;
  readonly signal?: AbortSignal;
}

export interface InsertOptions {
  readonly tag: string;
  readonly timeoutMs?: number;
  /** Insert only these columns; the others take their defaults. */
  readonly columns?: readonly [string, ...string[]];
  readonly signal?: AbortSignal;
}

export interface WarehouseInfo {
  readonly mode: WarehouseConfig["mode"];
  readonly database: string;
  readonly cluster: string | null;
  readonly dataDir: string;
}

/** Statements slower than this are logged as warnings. */
const SLOW_MS = 2_000;
/** The engine stops a statement itself at its limit; our own abort waits this much longer for that typed error. */
const CLIENT_GRACE_MS = 5_000;

/** The one way to talk to ClickHouse, embedded or server alike. */
export class Warehouse {
  constructor(
    private readonly engine: Engine,
    readonly info: WarehouseInfo,
    private readonly defaultTimeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /** The ownership claim of an embedded data directory (null on a server). */
  get claim() {
    return this.engine.claim;
  }

  async query<Row>(statement: Statement): Promise<Row[]> {
    return this.run(statement, async (client, settings, signal) => {
      const result = await client.query({
        query: statement.sql,
        format: "JSONEachRow",
        query_params: statement.params ? { ...statement.params } : undefined,
        clickhouse_settings: settings,
        abort_signal: signal,
      });
      return result.json<Row>();
    });
  }

  /**
   * Yields rows one at a time, holding its session until the loop ends. On a
   * server the rows stream from the socket; the embedded engine hands over a
   * finished result, so callers cap result sizes (max_result_rows) for
   * anything unbounded.
   */
  async *stream<Row>(statement: Statement): AsyncGenerator<Row> {
    const { settings, signal, timeoutMs, deadline } = this.prepare(statement);
    const started = performance.now();
    const lease = await this.engine.acquire();
    let count = 0;
    try {
      const result = await lease.client.query({
        query: statement.sql,
        format: "JSONEachRow",
        query_params: statement.params ? { ...statement.params } : undefined,
        clickhouse_settings: lease.settingsFor(settings),
        abort_signal: signal,
      });
      for await (const batch of result.stream<Row>()) {
        for (const row of batch) {
          count++;
          yield row.json();
        }
      }
      this.logDone(statement.tag, started, count);
    } catch (error) {
      lease.forgetSettings();
      throw this.fail(error, statement.tag, started, timeoutMs, deadline);
    } finally {
      lease.release();
    }
  }

  /** Inserts rows (JSONEachRow) into a table of the registry; names outside it are refused. */
  async insert<Row extends object>(table: TableName, rows: readonly Row[], options: InsertOptions): Promise<void> {
    checkTable(table);
    if (rows.length === 0) return;
    await this.run({ sql: `INSERT INTO ${table}`, tag: options.tag, timeoutMs: options.timeoutMs, signal: options.signal }, async (client, settings, signal) => {
      await client.insert({
        table,
        values: rows as Row[],
        format: "JSONEachRow",
        columns: options.columns ? [...options.columns] : undefined,
        clickhouse_settings: settings,
        abort_signal: signal,
      });
      return null;
    }, rows.length);
  }

  /** A statement with no result: DDL, INSERT … SELECT, ALTER. */
  async command(statement: Statement): Promise<void> {
    await this.run(statement, async (client, settings, signal) => {
      await client.command({
        query: statement.sql,
        query_params: statement.params ? { ...statement.params } : undefined,
        clickhouse_settings: settings,
        abort_signal: signal,
      });
      return null;
    });
  }

  async ping(): Promise<boolean> {
    try {
      const [row] = await this.query<{ ok: number }>({ sql: "SELECT 1 AS ok", tag: "warehouse:ping", timeoutMs: 5_000 });
      return row?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.engine.close();
  }

  private prepare(statement: Statement) {
    const timeoutMs = statement.timeoutMs ?? this.defaultTimeoutMs;
    const settings = statementSettings(statement.tag, timeoutMs, statement.settings);
    const deadline = AbortSignal.timeout(timeoutMs + CLIENT_GRACE_MS);
    const signal = statement.signal ? AbortSignal.any([statement.signal, deadline]) : deadline;
    return { timeoutMs, settings, deadline, signal };
  }

  private async run<T>(
    statement: Statement,
    work: (client: ClickHouseClient, settings: ClickHouseSettings, signal: AbortSignal) => Promise<T>,
    rows?: number,
  ): Promise<T> {
    const { settings, signal, timeoutMs, deadline } = this.prepare(statement);
    const started = performance.now();
    const lease = await this.engine.acquire();
    try {
      const result = await work(lease.client, lease.settingsFor(settings), signal);
      this.logDone(statement.tag, started, rows);
      return result;
    } catch (error) {
      lease.forgetSettings();
      throw this.fail(error, statement.tag, started, timeoutMs, deadline);
    } finally {
      lease.release();
    }
  }

  private logDone(tag: string, started: number, rows?: number): void {
    const ms = Math.round(performance.now() - started);
    const entry = { tag, ms, ...(rows !== undefined ? { rows } : {}) };
    if (ms > SLOW_MS) this.logger.warn(entry, "slow statement");
    else this.logger.debug(entry, "statement");
  }

  private fail(error: unknown, tag: string, started: number, timeoutMs: number, deadline: AbortSignal): WarehouseError {
    const failure = toWarehouseError(error, tag);
    // Our own client-side deadline fired: report it as the timeout it is.
    const mapped = deadline.aborted && failure.kind === "cancelled" ? new WarehouseError("timeout", `statement exceeded ${timeoutMs} ms`, tag, null, null, { cause: error }) : failure;
    this.logger.warn({ tag, ms: Math.round(performance.now() - started), kind: mapped.kind, code: mapped.code, type: mapped.type }, "statement failed");
    return mapped;
  }
}

export interface OpenWarehouseOptions extends OpenEngineOptions {
  readonly logger?: Logger;
}

/** Opens the warehouse described by the configuration: embedded on its data directory, or on the server it names. */
export async function openWarehouse(config: WarehouseConfig, options: OpenWarehouseOptions): Promise<Warehouse> {
  const logger = options.logger ?? createLogger({ level: "warn" });
  const engine = await openEngine(config, options);
  return new Warehouse(engine, { mode: config.mode, database: config.database, cluster: config.cluster, dataDir: config.dataDir }, config.queryTimeoutMs, logger);
}
