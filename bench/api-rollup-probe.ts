// Why the hourly rollups are not much faster than the detailed tables, and what would be: for the dashboard's
// general queries, times the statement each path runs today (detail; hourly rollup with exact percentile
// states) against the same statement on rollups built for the probe only, in a scratch database that is
// dropped at the end: daily and monthly rollups with the same exact states, and hourly and daily rollups with
// quantilesDD sketches (relative error ≤ 1 %), whose accuracy it checks against the exact percentiles.
// `tsx … bench/api-rollup-probe.ts DATA_DIR LAST_MONTH` on a cached data directory (bench/.cache/api/*/data), no server running on it.
import { createLogger, openWarehouse, warehouseConfigFromEnv, type Warehouse } from "@corridor/warehouse";
import { planMetrics, type SourceStatement } from "../server/src/metrics/query/plan.js";
import { toMetricRequest, type MetricQueryText } from "../server/src/metrics/query/request.js";
import { FACTS } from "../server/src/metrics/registry/facts.js";
import { MEASURES } from "../server/src/metrics/registry/measures.js";
import { dashboardQueries } from "./api-queries.js";

const [dataDir, lastMonth] = process.argv.slice(2) as [string, string];
const RUNS = Number(process.env.BENCH_PROBE_RUNS ?? 7);
const SCRATCH = "bench_probe";
const EXACT = "quantilesExactInclusiveMerge(0.5, 0.9, 0.95)";
const SKETCH = "quantilesDDMerge(0.01, 0.5, 0.9, 0.95)";

const say = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function time(warehouse: Warehouse, sql: string, params: Record<string, unknown>): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  let rows: Record<string, unknown>[] = [];
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    rows = await warehouse.query<Record<string, unknown>>({ sql, params, tag: "bench:probe", timeoutMs: 600_000 });
    if (i > 0) times.push(performance.now() - t);
  }
  return { ms: median(times), rows };
}

const logger = createLogger({ level: "error" });
const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
const command = (sql: string) => warehouse.command({ sql, tag: "bench:probe:setup", timeoutMs: 3_600_000 });
const built = new Set<string>();

/** A copy of a rollup at a coarser time grain (same columns and states, merged). */
async function coarser(rollup: string, grain: "toStartOfDay" | "toStartOfMonth"): Promise<string> {
  const name = `${SCRATCH}.${rollup}_${grain === "toStartOfDay" ? "daily" : "monthly"}`;
  if (built.has(name)) return name;
  const columns = await warehouse.query<{ name: string; type: string }>({ sql: "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = {t:String} ORDER BY position", params: { t: rollup }, tag: "bench:probe:columns" });
  const keys = columns.filter((c) => !c.type.includes("AggregateFunction")).map((c) => c.name);
  const aggregates = columns
    .filter((c) => c.type.includes("AggregateFunction"))
    .map((c) => {
      if (c.type.startsWith("SimpleAggregateFunction(sum")) return `sum(${c.name}) AS ${c.name}`;
      const inner = /^AggregateFunction\((\w+)(\([^)]*\))?,/u.exec(c.type);
      if (!inner) throw new Error(`${rollup}.${c.name}: ${c.type}`);
      return `${inner[1]}MergeState${inner[2] ?? ""}(${c.name}) AS ${c.name}`;
    });
  await command(`CREATE TABLE ${name} ENGINE = MergeTree PARTITION BY toYYYYMM(hour) ORDER BY (${keys.filter((k) => k !== "hour").join(", ")}, hour) AS
SELECT ${keys.join(", ")}, ${aggregates.join(", ")} FROM (SELECT * REPLACE (toDateTime(${grain}(hour), 'UTC') AS hour) FROM ${rollup}) GROUP BY ${keys.join(", ")}`);
  built.add(name);
  return name;
}

/** A rollup with quantilesDD sketches instead of exact states, built from the detailed facts. */
async function sketched(rollup: string, fact: string, time: string, prefix: string, seconds: string, grain: "toStartOfHour" | "toStartOfDay"): Promise<string> {
  const name = `${SCRATCH}.${rollup}_dd_${grain === "toStartOfHour" ? "hourly" : "daily"}`;
  if (built.has(name)) return name;
  const columns = await warehouse.query<{ name: string; type: string }>({ sql: "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = {t:String} ORDER BY position", params: { t: rollup }, tag: "bench:probe:columns" });
  const keys = columns.filter((c) => !c.type.includes("AggregateFunction") && c.name !== "hour").map((c) => c.name);
  await command(`CREATE TABLE ${name} ENGINE = MergeTree PARTITION BY toYYYYMM(hour) ORDER BY (${keys.join(", ")}, hour) AS
SELECT ${grain}(${time}) AS hour, ${keys.join(", ")}, count() AS ${prefix}_count, sum(toUInt64(${seconds})) AS ${prefix}_sum_s, quantilesDDState(0.01, 0.5, 0.9, 0.95)(${seconds}) AS ${prefix}_q
FROM ${fact} GROUP BY hour, ${keys.join(", ")}`);
  built.add(name);
  return name;
}

const rowsIn = async (table: string, time: string, s: SourceStatement) => {
  const [row] = await warehouse.query<{ n: string }>({ sql: `SELECT toString(count()) AS n FROM ${table} WHERE ${time} >= toDateTime({from:String}, {tz:String}) AND ${time} < toDateTime({to:String}, {tz:String})`, params: s.params, tag: "bench:probe:rows" });
  return Number(row?.n ?? 0);
};

/**
 * Largest relative difference between the percentile arrays of two answers, over the groups of at least
 * `minCount` values (small groups differ by definition: PERCENTILE.INC interpolates, a sketch picks a value).
 */
function worstError(exact: Record<string, unknown>[], approx: Record<string, unknown>[], minCount = 0): number {
  const key = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).filter(([k]) => k === "bucket" || /^d\d+$/u.test(k)));
  const other = new Map(approx.map((r) => [key(r), r]));
  let worst = 0;
  for (const row of exact) {
    const twin = other.get(key(row));
    for (const [k, v] of Object.entries(row)) {
      if (!k.endsWith("_q") || !Array.isArray(v)) continue;
      if (Number(row[k.replace(/_q$/u, "_count")] ?? 0) < minCount) continue;
      const w = twin?.[k] as number[] | undefined;
      if (!w) return Number.POSITIVE_INFINITY;
      v.forEach((x: number, i) => {
        const y = w[i] as number;
        if (x > 0) worst = Math.max(worst, Math.abs(y - x) / x);
      });
    }
  }
  return worst;
}

try {
  await command(`DROP DATABASE IF EXISTS ${SCRATCH}`);
  await command(`CREATE DATABASE ${SCRATCH}`);
  const lines: string[] = [];
  for (const query of dashboardQueries(lastMonth).filter((q) => q.field === "metrics")) {
    const request = toMetricRequest((query.variables as { query: MetricQueryText }).query);
    const [detail] = planMetrics({ ...request, path: "detail" }, request.period);
    const [rollup] = planMetrics({ ...request, path: "rollup" }, request.period);
    if (!detail || !rollup) continue;
    const fact = FACTS[rollup.fact];
    const factTime = fact.detail.time;
    const variants: { name: string; table: string; sql: string; rows: number }[] = [
      { name: "detail", table: detail.table, sql: detail.sql, rows: await rowsIn(detail.table, factTime, detail) },
      { name: "hourly rollup (today)", table: rollup.table, sql: rollup.sql, rows: await rowsIn(rollup.table, "hour", rollup) },
    ];
    for (const grain of ["toStartOfDay", "toStartOfMonth"] as const) {
      // A monthly table answers MONTH, QUARTER and YEAR buckets only; a daily one every grain but hours.
      if (grain === "toStartOfMonth" && request.grain === "WEEK") continue;
      const table = await coarser(rollup.table, grain);
      variants.push({ name: `${grain === "toStartOfDay" ? "daily" : "monthly"} rollup, exact states`, table, sql: rollup.sql.replaceAll(rollup.table, table), rows: await rowsIn(table, "hour", rollup) });
    }
    const duration = rollup.measures.find((m) => MEASURES[m.measure].kind === "duration");
    if (duration && "seconds" in duration.source && duration.source.rollup) {
      const prefix = duration.source.rollup.states.replace(/_q$/u, "");
      for (const grain of ["toStartOfHour", "toStartOfDay"] as const) {
        const table = await sketched(rollup.table, fact.detail.table, factTime, prefix, duration.source.seconds, grain);
        variants.push({ name: `${grain === "toStartOfHour" ? "hourly" : "daily"} rollup, quantilesDD(0.01)`, table, sql: rollup.sql.replaceAll(rollup.table, table).replaceAll(EXACT, SKETCH), rows: await rowsIn(table, "hour", rollup) });
      }
    }
    let exactRows: Record<string, unknown>[] = [];
    let detailMs = 0;
    for (const v of variants) {
      const { ms, rows } = await time(warehouse, v.sql, rollup.params);
      if (v.name === "detail") {
        detailMs = ms;
        exactRows = rows;
      }
      const error = v.name.includes("quantilesDD") ? ` | ${(worstError(exactRows, rows, 100) * 100).toFixed(2)} % (${(worstError(exactRows, rows) * 100).toFixed(0)} % over all groups)` : " | exact";
      lines.push(`| ${query.title} | ${v.name} | ${v.rows.toLocaleString("en")} | ${ms.toFixed(1)} ms | ${(ms / detailMs).toFixed(2)}${error} |`);
      say(lines.at(-1) as string);
    }
  }
  say("\n| query | table read | rows in the period | time | ÷ detail | worst percentile error, groups of ≥ 100 values |\n|---|---|---|---|---|---|");
  say(lines.join("\n"));
} finally {
  await command(`DROP DATABASE IF EXISTS ${SCRATCH}`);
  await warehouse.close();
}
