// One size of the API benchmark, in a process of its own (an embedded data directory has one owner):
// starts the real server on the cached data directory, then measures, for each dashboard query,
//   (a) the GraphQL call over HTTP and (b) the same SQL statements sent straight to the engine,
//   the rollup path against the detailed tables (and checks that both give the same numbers),
// and runs the load test with concurrent clients in a child process. Progress goes to stderr;
// the last line on stdout is the result as JSON.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createLogger, FEEDS, type Warehouse } from "@corridor/warehouse";
import { serverConfigFromEnv } from "../server/src/config.js";
import { countryFigures, overview } from "../server/src/metrics/entry-points.js";
import { MetricsService, type LabelledAnswer } from "../server/src/metrics/metrics-service.js";
import { previousPeriod, yearAgoPeriod } from "../server/src/metrics/query/period.js";
import { MAX_SOURCE_ROWS, planMetrics, type MetricRequest, type SourceStatement } from "../server/src/metrics/query/plan.js";
import { toMetricRequest, type MetricQueryText } from "../server/src/metrics/query/request.js";
import { runMetrics, type MetricAnswer } from "../server/src/metrics/query/run-metrics.js";
import { FACTS } from "../server/src/metrics/registry/facts.js";
import { MEASURES } from "../server/src/metrics/registry/measures.js";
import { PlatformQueries } from "../server/src/queries/platform.queries.js";
import { ReferenceQueries } from "../server/src/queries/reference.queries.js";
import { startServer } from "../server/src/start-server.js";
import type { LoadResult } from "./api-load.js";
import { dashboardQueries, postGraphql, type DashboardQuery } from "./api-queries.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_API_RUNS ?? 15);
const WARMUP = 3;
const LOAD_CLIENTS = (process.env.BENCH_API_CLIENTS ?? "8,32").split(",").map(Number);
const LOAD_SECONDS = Number(process.env.BENCH_API_LOAD_SECONDS ?? 30);
const ADMIN = { login: "admin", password: "bench-api-admin-password" };

const say = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface QueryResult {
  readonly id: string;
  readonly title: string;
  /** Statements the query sends to the engine (every request, every compared period). */
  readonly statements: number;
  readonly apiMs: number;
  readonly directMs: number;
  /** The direct SQL plus the other statements the API sends for the query: dimension labels and data freshness. */
  readonly withExtrasMs: number;
  /** The direct SQL with its parameters written into the text as literals: chDB runs bound statements one at a time per process. */
  readonly inlinedMs: number;
  readonly rollupMs: number | null;
  readonly detailMs: number | null;
  readonly skipped: string | null;
  /** The slowest statements of each path, timed alone: where the time goes. */
  readonly breakdown: { path: "rollup" | "detail"; table: string; period: string; ms: number }[];
}

export interface Difference {
  readonly query: string;
  readonly where: string;
  readonly rollup: number | null;
  readonly detail: number | null;
}

export interface RunResult {
  readonly label: string;
  readonly tables: { table: string; rows: number; bytes: number }[];
  readonly queries: QueryResult[];
  readonly check: { compared: number; additive: number; additiveExact: number; durations: number; within1pct: number; differences: Difference[] };
  readonly load: LoadResult[];
  readonly peakRssMb: number;
  readonly runs: number;
}

/** The semantic requests behind a dashboard query, captured from the entry points the resolvers call. */
async function requestsOf(query: DashboardQuery, warehouse: Warehouse): Promise<MetricRequest[]> {
  const captured: MetricRequest[] = [];
  class Recording extends MetricsService {
    override async run(request: MetricRequest, options: Parameters<MetricsService["run"]>[1]): Promise<LabelledAnswer> {
      captured.push(request);
      return super.run(request, options);
    }
  }
  const metrics = new Recording(warehouse, new ReferenceQueries(warehouse), new PlatformQueries(warehouse));
  const v = query.variables as { period?: { from: string; to: string }; query?: MetricQueryText };
  if (query.field === "overview") await overview(metrics, v.period as { from: string; to: string }, "Africa/Lome", null, null);
  else if (query.field === "countryFigures") await countryFigures(metrics, v.period as { from: string; to: string }, "Africa/Lome", null, null);
  else captured.push(toMetricRequest(v.query as MetricQueryText));
  return captured;
}

/** Every statement a request runs, for its period and the compared ones, as runMetrics plans them. */
function statementsOf(request: MetricRequest): { period: string; statement: SourceStatement }[] {
  const periods = [{ name: "current", period: request.period }];
  if (request.compare) periods.push({ name: "previous", period: previousPeriod(request.period) }, { name: "year-ago", period: yearAgoPeriod(request.period) });
  return periods.flatMap(({ name, period }) => planMetrics(request, period).map((statement) => ({ period: name, statement })));
}

const runStatement = (warehouse: Warehouse, s: SourceStatement) =>
  warehouse.query<Record<string, unknown>>({ sql: s.sql, params: s.params, tag: `bench:direct:${s.fact}:${s.path}`, settings: { max_result_rows: MAX_SOURCE_ROWS, result_overflow_mode: "throw" }, timeoutMs: 600_000 });

/** The same SQL as the API runs, sent straight through the warehouse, all at once as runMetrics does. */
const direct = (warehouse: Warehouse, requests: readonly MetricRequest[]) => Promise.all(requests.flatMap((r) => statementsOf(r).map(({ statement }) => runStatement(warehouse, statement))));

/** A ClickHouse literal of a planner parameter (strings and arrays of strings, all ours). */
const literal = (value: unknown): string => (Array.isArray(value) ? `[${value.map(literal).join(", ")}]` : `'${String(value).replace(/\\/gu, "\\\\").replace(/'/gu, "\\'")}'`);
const inlined = (s: SourceStatement): SourceStatement => ({ ...s, sql: s.sql.replace(/\{(\w+):[^}]+\}/gu, (_, name: string) => literal(s.params[name])), params: {} });

/** The same, with the values inlined: chDB serialises every statement with bound parameters across the whole process. */
const directInlined = (warehouse: Warehouse, requests: readonly MetricRequest[]) =>
  Promise.all(requests.flatMap((r) => statementsOf(r).map(({ statement }) => runStatement(warehouse, inlined(statement)))));

const onPath = (warehouse: Warehouse, requests: readonly MetricRequest[], path: "rollup" | "detail") =>
  Promise.all(requests.map((r) => runMetrics(warehouse, { ...r, path }, { tag: `bench:${path}`, timeoutMs: 600_000 })));

/** Compares the rollup's answer with the detailed tables': additive figures exactly (to 1e-9), durations within 1 %. */
function compareAnswers(id: string, rollup: readonly MetricAnswer[], detail: readonly MetricAnswer[], check: RunResult["check"]): void {
  rollup.forEach((answer, i) => {
    const other = detail[i] as MetricAnswer;
    const key = (row: MetricAnswer["rows"][number]) => JSON.stringify([row.bucket, ...row.dimensions.map((d) => d.value)]);
    const detailRows = new Map(other.rows.map((row) => [key(row), row]));
    const rollupKeys = new Set(answer.rows.map(key));
    for (const k of detailRows.keys()) if (!rollupKeys.has(k)) check.differences.push({ query: id, where: `row ${k} only in the detailed answer`, rollup: null, detail: null });
    for (const row of answer.rows) {
      const twin = detailRows.get(key(row));
      if (!twin) {
        check.differences.push({ query: id, where: `row ${key(row)} only in the rollup answer`, rollup: null, detail: null });
        continue;
      }
      row.cells.forEach((cell, c) => {
        const d = twin.cells[c];
        if (!d) return;
        const additive = MEASURES[cell.measure].kind !== "duration" || cell.statistic === "COUNT";
        for (const field of ["value", "previous", "yearAgo"] as const) {
          const a = cell[field];
          const b = d[field];
          if (a === null && b === null) continue;
          check.compared++;
          const where = `${cell.measure} ${cell.statistic} ${field} at ${key(row)}`;
          if (a === null || b === null) {
            check.differences.push({ query: id, where, rollup: a, detail: b });
            continue;
          }
          const relative = Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
          if (additive) {
            check.additive++;
            if (a === b) check.additiveExact++;
            if (relative > 1e-9) check.differences.push({ query: id, where, rollup: a, detail: b });
          } else {
            check.durations++;
            if (relative <= 0.01) check.within1pct++;
            else check.differences.push({ query: id, where, rollup: a, detail: b });
          }
        }
      });
    }
  });
}

async function loadTest(url: string, cookie: string, clients: number, lastMonth: string): Promise<LoadResult> {
  const args = ["--import", "tsx", "--conditions=@corridor/source", fileURLToPath(new URL("./api-load.ts", import.meta.url)), JSON.stringify({ url, cookie, clients, seconds: LOAD_SECONDS, lastMonth })];
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: `${root}server/tsconfig.json` }, maxBuffer: 16 * 1024 * 1024, timeout: (LOAD_SECONDS + 120) * 1000 }, (error, out, err) =>
      error ? reject(new Error(`load test failed: ${error.message}\n${err}`)) : resolve(out),
    ),
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) as string) as LoadResult;
}

async function main(): Promise<RunResult> {
  const [label, dataDir, lastMonth] = process.argv.slice(2) as [string, string, string];
  // Errors only: the server's "slow statement" warnings would flood the output under load.
  const logger = createLogger({ level: "error" });
  // The load is not part of the API's time: no inbox, no demo; the default time limit per statement, as in production.
  const env = { DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", INBOX_POLL_MS: "0", DEMO_DATA: "off", LOG_LEVEL: "warn", ADMIN_LOGIN: ADMIN.login, ADMIN_PASSWORD: ADMIN.password, EMBEDDED_SESSIONS: process.env.EMBEDDED_SESSIONS,
    // One account stands for every client: the per-user request rate limit would measure itself, not the API.
    API_RATE_PER_MINUTE: "1000000", API_RATE_BURST: "1000000" };
  const running = await startServer(serverConfigFromEnv(env), logger, env);
  try {
    const warehouse = running.warehouse;
    const login = await fetch(new URL("auth/login", running.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;

    // Rows per table: the feeds' tables, the facts and their rollups.
    const names = [...FEEDS.map((f) => f.table), ...Object.values(FACTS).flatMap((f) => [f.detail.table, ...(f.rollup ? [f.rollup.table] : [])])];
    const sizes = await warehouse.query<{ table: string; bytes: string }>({
      sql: "SELECT table, toString(sum(bytes_on_disk)) AS bytes FROM system.parts WHERE database = currentDatabase() AND active GROUP BY table",
      tag: "bench:sizes",
    });
    const tables: RunResult["tables"] = [];
    for (const table of names) {
      const [row] = await warehouse.query<{ n: string }>({ sql: `SELECT toString(count()) AS n FROM ${table}`, tag: "bench:count" });
      tables.push({ table, rows: Number(row?.n ?? 0), bytes: Number(sizes.find((s) => s.table === table)?.bytes ?? 0) });
    }
    say(`${label}: ${tables.map((t) => `${t.table} ${t.rows}`).join(", ")}`);

    const service = new MetricsService(warehouse, new ReferenceQueries(warehouse), new PlatformQueries(warehouse));
    const queries = dashboardQueries(lastMonth);
    const results: QueryResult[] = [];
    const check: RunResult["check"] = { compared: 0, additive: 0, additiveExact: 0, durations: 0, within1pct: 0, differences: [] };
    for (const query of queries) {
      const requests = await requestsOf(query, warehouse);
      const statements = requests.reduce((n, r) => n + statementsOf(r).length, 0);
      const api = async () => {
        const { status, body } = await postGraphql(running.url, cookie, query);
        if (status !== 200 || body.errors?.length) throw new Error(`${query.id}: HTTP ${status} ${JSON.stringify(body.errors)}`);
      };
      const sql = () => direct(warehouse, requests);
      const sqlInlined = () => directInlined(warehouse, requests);
      const sqlAndExtras = () => Promise.all([direct(warehouse, requests), ...requests.flatMap((r) => [service.labels(r.dimensions), service.dataAsOf()])]);
      // (a), (b) and (b) with the API's other statements, interleaved in a rotating order, after warm-ups of all.
      for (let i = 0; i < WARMUP; i++) {
        await api();
        await sql();
        await sqlAndExtras();
        await sqlInlined();
      }
      // Groups come back in no fixed order: compare each statement's rows as sorted sets.
      const canonical = (results: readonly (readonly unknown[])[]) => JSON.stringify(results.map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
      if (canonical(await sql()) !== canonical(await sqlInlined())) throw new Error(`${query.id}: inlined statements answer differently`);
      const apiTimes: number[] = [];
      const directTimes: number[] = [];
      const extrasTimes: number[] = [];
      const inlinedTimes: number[] = [];
      const order = [
        () => timed(sqlInlined).then((t) => inlinedTimes.push(t)),() => timed(api).then((t) => apiTimes.push(t)), () => timed(sql).then((t) => directTimes.push(t)), () => timed(sqlAndExtras).then((t) => extrasTimes.push(t))];
      for (let i = 0; i < RUNS; i++) {
        for (let k = 0; k < order.length; k++) await (order[(i + k) % order.length] as () => Promise<unknown>)();
      }
      // Rollup against detail, interleaved the same way; a query no rollup serves is skipped.
      let rollupMs: number | null = null;
      let detailMs: number | null = null;
      let skipped: string | null = null;
      const breakdown: QueryResult["breakdown"] = [];
      try {
        const first = await onPath(warehouse, requests, "rollup");
        const firstDetail = await onPath(warehouse, requests, "detail");
        compareAnswers(query.id, first, firstDetail, check);
        for (let i = 1; i < WARMUP; i++) {
          await onPath(warehouse, requests, "rollup");
          await onPath(warehouse, requests, "detail");
        }
        const rollupTimes: number[] = [];
        const detailTimes: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          if (i % 2 === 0) {
            rollupTimes.push(await timed(() => onPath(warehouse, requests, "rollup")));
            detailTimes.push(await timed(() => onPath(warehouse, requests, "detail")));
          } else {
            detailTimes.push(await timed(() => onPath(warehouse, requests, "detail")));
            rollupTimes.push(await timed(() => onPath(warehouse, requests, "rollup")));
          }
        }
        rollupMs = median(rollupTimes);
        detailMs = median(detailTimes);
        // Each statement alone (median of 5): which table and period dominates each path.
        for (const path of ["rollup", "detail"] as const) {
          for (const { period, statement } of requests.flatMap((r) => statementsOf({ ...r, path }))) {
            const times: number[] = [];
            for (let i = 0; i < 5; i++) times.push(await timed(() => runStatement(warehouse, statement)));
            breakdown.push({ path, table: statement.table, period, ms: median(times) });
          }
        }
      } catch (error) {
        skipped = (error as Error).message;
      }
      const result: QueryResult = { id: query.id, title: query.title, statements, apiMs: median(apiTimes), directMs: median(directTimes), withExtrasMs: median(extrasTimes), inlinedMs: median(inlinedTimes), rollupMs, detailMs, skipped, breakdown };
      results.push(result);
      say(
        `${label}: ${query.id}: API ${result.apiMs.toFixed(1)} ms, direct ${result.directMs.toFixed(1)} ms, with labels and freshness ${result.withExtrasMs.toFixed(1)} ms, inlined ${result.inlinedMs.toFixed(1)} ms (×${(result.apiMs / result.directMs).toFixed(2)}); ` +
          (skipped ? `rollup skipped: ${skipped}` : `rollup ${rollupMs?.toFixed(1)} ms, detail ${detailMs?.toFixed(1)} ms (×${((rollupMs as number) / (detailMs as number)).toFixed(3)})`),
      );
    }
    say(`${label}: check: ${check.compared} figures compared, ${check.differences.length} differences`);

    const load: LoadResult[] = [];
    for (const clients of LOAD_CLIENTS) {
      say(`${label}: load test, ${clients} clients for ${LOAD_SECONDS} s…`);
      const result = await loadTest(running.url, cookie, clients, lastMonth);
      say(`${label}: ${clients} clients: ${result.requests} requests, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${JSON.stringify(result.errors)}`);
      load.push(result);
    }
    return { label, tables, queries: results, check, load, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs: RUNS };
  } finally {
    await running.stop();
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
