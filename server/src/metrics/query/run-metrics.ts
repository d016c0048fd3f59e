import type { Warehouse } from "@corridor/warehouse";
import type { DimensionId } from "../registry/dimensions.js";
import { MEASURES, type MeasureId, type Statistic, type Unit } from "../registry/measures.js";
import { checkPeriod } from "./checks.js";
import { bucketEnd, bucketsOf, previousPeriod, yearAgoPeriod, type Period } from "./period.js";
import { checkRequest, MAX_SOURCE_ROWS, MetricQueryError, planMetrics, type MetricRequest, type Path, type SourceStatement } from "./plan.js";

export interface MetricCell {
  readonly measure: MeasureId;
  readonly statistic: Statistic;
  readonly unit: Unit;
  readonly value: number | null;
  readonly previous: number | null;
  /** (value − previous) ÷ |previous|; null when either is missing or previous is 0. */
  readonly previousChange: number | null;
  readonly yearAgo: number | null;
  readonly yearAgoChange: number | null;
}

export interface MetricRow {
  /** First local day of the bucket; null when the query has no time grain. */
  readonly bucket: string | null;
  /** The bucket reaches outside the period (a week that starts before it, a month that ends after it): its figures cover only the days inside. */
  readonly partial: boolean;
  readonly dimensions: readonly { readonly dimension: DimensionId; readonly value: string }[];
  readonly cells: readonly MetricCell[];
}

export interface MetricAnswer {
  readonly rows: readonly MetricRow[];
  readonly period: Period;
  readonly previousPeriod: Period | null;
  readonly yearAgoPeriod: Period | null;
  /** Which table answered each measure. */
  readonly sources: readonly { readonly measure: MeasureId; readonly path: Path; readonly table: string }[];
  /** More rows matched than the limit. */
  readonly truncated: boolean;
}

/** Raw aggregates of one measure in one group, as a statement returned them. */
interface Raw {
  value?: number | null;
  count?: number;
  mean?: number | null;
  q?: readonly number[];
}

type Groups = Map<string, { bucket: string; dims: string[]; raw: Map<MeasureId, Raw> }>;

const num = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v));

interface RunOptions {
  readonly tag?: string;
  readonly signal?: AbortSignal;
  /** Per statement; the warehouse's default when absent. */
  readonly timeoutMs?: number;
  readonly maxSourceRows?: number;
}

async function runStatements(warehouse: Warehouse, request: MetricRequest, period: Period, tag: string, options: RunOptions): Promise<{ groups: Groups; statements: SourceStatement[] }> {
  const statements = planMetrics(request, period);
  const groups: Groups = new Map();
  const results = await Promise.all(
    statements.map((s) =>
      warehouse.query<Record<string, unknown>>({
        sql: s.sql,
        params: s.params,
        tag: `${tag}:${s.fact}:${s.path}`,
        settings: { max_result_rows: options.maxSourceRows ?? MAX_SOURCE_ROWS, result_overflow_mode: "throw" },
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      }),
    ),
  );
  statements.forEach((statement, i) => {
    for (const row of results[i] ?? []) {
      if (Number(row.n) === 0) continue;
      const bucket = request.grain === "NONE" ? "" : String(row.bucket);
      const dims = request.dimensions.map((_, d) => String(row[`d${d}`] ?? ""));
      const key = JSON.stringify([bucket, ...dims]);
      const group = groups.get(key) ?? { bucket, dims, raw: new Map() };
      for (const { measure, alias } of statement.measures) {
        if (`${alias}_value` in row) group.raw.set(measure, { value: num(row[`${alias}_value`]) });
        else group.raw.set(measure, { count: Number(row[`${alias}_count`] ?? 0), mean: num(row[`${alias}_mean_s`]), q: (row[`${alias}_q`] as number[] | undefined) ?? [] });
      }
      groups.set(key, group);
    }
  });
  return { groups, statements };
}

const HOUR = 3600;
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

/** One statistic of a measure from its raw aggregates; durations in hours; null when there were no values. */
export function statisticOf(raw: Raw | undefined, statistic: Statistic): number | null {
  if (!raw) return null;
  if (statistic === "VALUE") return raw.value ?? null;
  const count = raw.count ?? 0;
  if (statistic === "COUNT") return count === 0 ? null : count;
  if (count === 0) return null;
  const [p50, p90, p95] = raw.q ?? [];
  switch (statistic) {
    case "MEAN":
      return raw.mean == null ? null : rounded(raw.mean / HOUR);
    case "P50":
      return p50 == null ? null : rounded(p50 / HOUR);
    case "P90":
      return p90 == null ? null : rounded(p90 / HOUR);
    case "P95":
      return p95 == null ? null : rounded(p95 / HOUR);
    case "RELIABILITY":
      return p50 == null || p90 == null || p50 === 0 ? null : rounded(p90 / p50);
  }
}

const change = (value: number | null, base: number | null) => (value === null || base === null || base === 0 ? null : rounded((value - base) / Math.abs(base)));

/**
 * Answers a metric request: validates it, runs one statement per table for
 * the period (and the previous and year-ago periods when comparing), merges
 * measures from different tables on their dimensions and bucket, returns
 * empty buckets as gaps (null), orders and limits.
 */
export async function runMetrics(warehouse: Warehouse, request: MetricRequest, options: RunOptions = {}): Promise<MetricAnswer> {
  checkRequest(request);
  checkPeriod(request.period, request.timeZone);
  const buckets = bucketsOf(request.grain, request.period);
  if (buckets.length > 5000) throw new MetricQueryError("trop d'intervalles de temps : choisissez un grain plus large / too many time buckets: choose a coarser grain");
  const limit = Math.min(Math.max(1, request.limit), 10_000);
  const tag = options.tag ?? "api:metrics";
  const previous = request.compare ? previousPeriod(request.period) : null;
  const yearAgo = request.compare ? yearAgoPeriod(request.period) : null;
  const [current, before, lastYear] = await Promise.all([
    runStatements(warehouse, request, request.period, tag, options),
    previous ? runStatements(warehouse, request, previous, `${tag}:previous`, options) : null,
    yearAgo ? runStatements(warehouse, request, yearAgo, `${tag}:year-ago`, options) : null,
  ]);
  // Comparison buckets are matched by position: the k-th bucket of this period with the k-th of the other.
  const index = (period: Period | null) => (period ? bucketsOf(request.grain, period) : []);
  const previousBuckets = index(previous);
  const yearAgoBuckets = index(yearAgo);
  const lookup = (groups: Groups | undefined, bucket: string, dims: string[]) => groups?.get(JSON.stringify([bucket, ...dims]))?.raw;

  // Every dimension combination seen in any compared period gets every bucket; a bucket without data is a gap.
  const combos = new Map<string, string[]>();
  for (const groups of [current.groups, before?.groups, lastYear?.groups]) for (const group of groups?.values() ?? []) combos.set(JSON.stringify(group.dims), group.dims);
  if (combos.size === 0 && request.dimensions.length === 0) combos.set("[]", []);
  const rows: MetricRow[] = [];
  for (const dims of combos.values()) {
    buckets.forEach((bucket, k) => {
      const raw = lookup(current.groups, bucket, dims);
      const rawPrevious = before ? lookup(before.groups, previousBuckets[k] ?? "\u0000", dims) : undefined;
      const rawYearAgo = lastYear ? lookup(lastYear.groups, yearAgoBuckets[k] ?? "\u0000", dims) : undefined;
      const cells = request.measures.flatMap(({ measure, statistics }) =>
        (statistics.length > 0 ? statistics : [MEASURES[measure].kind === "duration" ? ("P50" as const) : ("VALUE" as const)]).map((statistic): MetricCell => {
          const value = statisticOf(raw?.get(measure), statistic);
          const p = before ? statisticOf(rawPrevious?.get(measure), statistic) : null;
          const y = lastYear ? statisticOf(rawYearAgo?.get(measure), statistic) : null;
          return { measure, statistic, unit: statistic === "COUNT" ? unitOfCount(measure) : statistic === "RELIABILITY" ? "ratio" : MEASURES[measure].unit, value, previous: p, previousChange: change(value, p), yearAgo: y, yearAgoChange: change(value, y) };
        }),
      );
      rows.push({ bucket: request.grain === "NONE" ? null : bucket, partial: request.grain !== "NONE" && (bucket < request.period.from || bucketEnd(request.grain, bucket) > request.period.to), dimensions: request.dimensions.map((dimension, i) => ({ dimension, value: dims[i] ?? "" })), cells });
    });
  }
  sortRows(rows, request);
  const sources = current.statements.flatMap((s) => s.measures.map((m) => ({ measure: m.measure, path: s.path, table: s.table })));
  return { rows: rows.slice(0, limit), period: request.period, previousPeriod: previous, yearAgoPeriod: yearAgo, sources, truncated: rows.length > limit };
}

/** A duration's COUNT counts what it times: containers, declarations, crossings… shown as a plain count. */
function unitOfCount(measure: MeasureId): Unit {
  const units: Partial<Record<MeasureId, Unit>> = { PORT_DWELL: "containers", CUSTOMS_RELEASE: "declarations", CORRIDOR_TRANSIT: "trucks", BORDER_CROSSING: "trucks", END_TO_END: "containers", SHIP_WAITING: "calls", SHIP_TURNAROUND: "calls" };
  return units[measure] ?? "declarations";
}

function sortRows(rows: MetricRow[], request: MetricRequest): void {
  const order = request.order.length > 0 ? request.order : [{ by: { bucket: true as const }, descending: false }, ...request.dimensions.map((dimension) => ({ by: { dimension }, descending: false }))];
  const keyOf = (row: MetricRow, spec: (typeof order)[number]): string | number | null => {
    const by = spec.by;
    if ("bucket" in by) return row.bucket;
    if ("dimension" in by) return row.dimensions.find((d) => d.dimension === by.dimension)?.value ?? null;
    return row.cells.find((c) => c.measure === by.measure && c.statistic === by.statistic)?.value ?? null;
  };
  rows.sort((a, b) => {
    for (const spec of order) {
      const x = keyOf(a, spec);
      const y = keyOf(b, spec);
      if (x === y) continue;
      // Gaps sort last whichever the direction: a ranking shows values first.
      if (x === null) return 1;
      if (y === null) return -1;
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en");
      return spec.descending ? -cmp : cmp;
    }
    return 0;
  });
}
