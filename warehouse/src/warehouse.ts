import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
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

/** Embedded: TabSeparated bodies up to this many characters are inserted inline, larger ones through a temporary file. */
const INLINE_INSERT_MAX = 256 * 1024;

/** Statements slower than this are logged as warnings. */
const SLOW_MS = 2_000;
/** The engine stops a statement itself at its limit; our own abort waits this much longer for that typed error. */
const CLIENT_GRACE_MS = 5_000;

/**
 * A row whose strings are all well-formed UTF-16: the engine refuses a lone
 * surrogate (JSON `"\ud800"`, which a client can send) and would fail the
 * whole insert; it becomes U+FFFD like any undecodable character.
 */
function wellFormed<Row extends object>(row: Row): Row {
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === "string" && !(value as unknown as { isWellFormed(): boolean }).isWellFormed()) {
      const target: Record<string, unknown> = copy ?? { ...(row as Record<string, unknown>) };
      target[key] = (value as unknown as { toWellFormed(): string }).toWellFormed();
      copy = target;
    }
  }
  return (copy ?? row) as Row;
}

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
        values: rows.map(wellFormed) as Row[],
        format: "JSONEachRow",
        columns: options.columns ? [...options.columns] : undefined,
        clickhouse_settings: settings,
        abort_signal: signal,
      });
      return null;
    }, rows.length);
  }

  /**
   * Inserts rows already written as TabSeparated text, column by column in
   * the order given; the ETL builds its batches so. Embedded, the text goes
   * through a temporary file that the engine reads with file(): about twice
   * as fast as the same text inline, which the engine parses on one thread
   * (200 000 transit rows: 0.49 s against 1.05 s). A server gets the text as
   * a stream.
   */
  async insertText(table: TableName, columns: readonly [string, ...string[]], body: string, options: Omit<InsertOptions, "columns"> & { rows: number }): Promise<void> {
    checkTable(table);
    for (const column of columns) if (!/^[A-Za-z_][A-Za-z0-9_.]*$/u.test(column)) throw new TypeError(`invalid column name ${JSON.stringify(column)}`);
    if (body.length === 0) return;
    const statement = { sql: `INSERT INTO ${table}`, tag: options.tag, timeoutMs: options.timeoutMs, signal: options.signal };
    // Small batches go inline: a temporary file costs more than it saves below a few hundred kilobytes.
    if (this.info.mode === "embedded" && body.length > INLINE_INSERT_MAX) {
      const dir = path.join(this.info.dataDir, "tmp");
      await fs.promises.mkdir(dir, { recursive: true });
      // The file name is ours (a random UUID), never input.
      const file = path.join(dir, `insert-${randomUUID()}.tsv`);
      await fs.promises.writeFile(file, body);
      try {
        const list = columns.map((c) => `\`${c}\``).join(", ");
        await this.run({ ...statement, sql: `INSERT INTO ${table} (${list}) SELECT * FROM file('${file}', 'TabSeparated')` }, async (client, settings, signal) => {
          await client.command({ query: `INSERT INTO ${table} (${list}) SELECT * FROM file('${file}', 'TabSeparated')`, clickhouse_settings: settings, abort_signal: signal });
          return null;
        }, options.rows);
      } finally {
        await fs.promises.rm(file, { force: true });
      }
      return;
    }
    await this.run(statement, async (client, settings, signal) => {
      await client.insert({
        table,
        // Text formats travel as a byte stream (the client refuses a bare string for them).
        values: Readable.from([Buffer.from(body, "utf8")], { objectMode: false }),
        format: "TabSeparated",
        columns: [...columns],
        clickhouse_settings: settings,
        abort_signal: signal,
      });
      return null;
    }, options.rows);
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
