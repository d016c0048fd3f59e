import { DIMENSIONS, type DimensionId } from "../registry/dimensions.js";
import { FACTS, type FactId, type FactTable } from "../registry/facts.js";
import { MEASURES, type MeasureId, type MeasureSource, type Statistic } from "../registry/measures.js";
import { wholeHourZone, type Grain, type Period } from "./period.js";

export interface MeasureRequest {
  readonly measure: MeasureId;
  readonly statistics: readonly Statistic[];
}

export interface DimensionFilter {
  readonly dimension: DimensionId;
  readonly values: readonly string[];
  readonly exclude: boolean;
}

export interface OrderSpec {
  readonly by: { readonly measure: MeasureId; readonly statistic: Statistic } | { readonly dimension: DimensionId } | { readonly bucket: true };
  readonly descending: boolean;
}

export interface MetricRequest {
  readonly measures: readonly MeasureRequest[];
  readonly dimensions: readonly DimensionId[];
  readonly grain: Grain;
  readonly period: Period;
  readonly timeZone: string;
  readonly filters: readonly DimensionFilter[];
  readonly order: readonly OrderSpec[];
  readonly limit: number;
  readonly compare: boolean;
  /** "auto" reads rollups where they can answer; tests and benchmarks force one path. */
  readonly path?: "auto" | "detail" | "rollup";
}

/** A request the registry cannot answer: the message says which measure, dimension or value. */
export class MetricQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MetricQueryError";
  }
}

export type Path = "rollup" | "detail";

/** One statement: the measures read from one fact table. */
export interface SourceStatement {
  readonly fact: FactId;
  readonly path: Path;
  readonly table: string;
  readonly measures: readonly { readonly measure: MeasureId; readonly source: MeasureSource; readonly alias: string }[];
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

const BUCKET: Readonly<Record<Exclude<Grain, "NONE">, string>> = {
  DAY: "toDate",
  WEEK: "toMonday",
  MONTH: "toStartOfMonth",
  QUARTER: "toStartOfQuarter",
  YEAR: "toStartOfYear",
};

/** Rows any single statement may return: a query needing more must be narrowed. */
export const MAX_SOURCE_ROWS = 200_000;

function gives(table: FactTable | undefined, dimensions: ReadonlySet<DimensionId>): table is FactTable {
  return table !== undefined && [...dimensions].every((d) => table.dimensions[d] !== undefined);
}

function hasRollupColumns(source: MeasureSource): boolean {
  return "seconds" in source ? source.rollup !== undefined : source.rollup !== undefined;
}

/** The table each measure is read from: its first source giving every dimension asked for and filtered on. */
function choose(measure: MeasureId, needed: ReadonlySet<DimensionId>, rollupAllowed: boolean, path: MetricRequest["path"]): { source: MeasureSource; path: Path; table: FactTable } {
  for (const source of MEASURES[measure].sources as readonly MeasureSource[]) {
    const fact = FACTS[source.fact];
    if (path !== "detail" && rollupAllowed && hasRollupColumns(source) && gives(fact.rollup, needed)) return { source, path: "rollup", table: fact.rollup };
    if (path === "rollup") continue;
    if (gives(fact.detail, needed)) return { source, path: "detail", table: fact.detail };
  }
  const missing = [...needed].join(", ");
  throw new MetricQueryError(
    path === "rollup"
      ? `${measure} : aucun agrégat ne donne ${missing || "cette requête"} / no rollup gives ${missing || "this query"}`
      : `${measure} ne peut pas être ventilé ni filtré par ${missing} / ${measure} cannot be split or filtered by ${missing}`,
  );
}

function aggregates(source: MeasureSource, path: Path, alias: string): string[] {
  if ("seconds" in source) {
    if (path === "detail") {
      return [`count(${source.seconds}) AS ${alias}_count`, `avg(${source.seconds}) AS ${alias}_mean_s`, `quantilesExactInclusive(0.5, 0.9, 0.95)(${source.seconds}) AS ${alias}_q`];
    }
    const r = source.rollup as { count: string; sum: string; states: string };
    return [`sum(${r.count}) AS ${alias}_count`, `sum(${r.sum}) / nullIf(sum(${r.count}), 0) AS ${alias}_mean_s`, `quantilesExactInclusiveMerge(0.5, 0.9, 0.95)(${r.states}) AS ${alias}_q`];
  }
  return [`${path === "detail" ? source.detail : (source.rollup as string)} AS ${alias}_value`];
}

/**
 * Turns a request into statements, one per fact table read. Every value
 * travels as a bound parameter (dates, time zone, filter values); every
 * identifier (tables, columns, expressions) comes from the registry.
 */
export function planMetrics(request: MetricRequest, period: Period): SourceStatement[] {
  const needed = new Set<DimensionId>([...request.dimensions, ...request.filters.map((f) => f.dimension)]);
  const rollupAllowed = wholeHourZone(request.timeZone, period);
  if (request.path === "rollup" && !rollupAllowed) throw new MetricQueryError(`le fuseau ${request.timeZone} n'est pas à une heure entière de UTC / the zone is not a whole number of hours from UTC`);
  const groups = new Map<string, { fact: FactId; path: Path; table: FactTable; measures: { measure: MeasureId; source: MeasureSource; alias: string }[] }>();
  request.measures.forEach(({ measure }, index) => {
    const chosen = choose(measure, needed, rollupAllowed, request.path ?? "auto");
    const key = `${chosen.table.table}`;
    const group = groups.get(key) ?? { fact: chosen.source.fact, path: chosen.path, table: chosen.table, measures: [] };
    group.measures.push({ measure, source: chosen.source, alias: `m${index}` });
    groups.set(key, group);
  });
  return [...groups.values()].map((group) => {
    const params: Record<string, unknown> = { from: period.from, to: period.to, tz: request.timeZone };
    const select: string[] = [];
    const groupBy: string[] = [];
    if (request.grain !== "NONE") {
      select.push(`toString(${BUCKET[request.grain]}(${group.table.time}, {tz:String})) AS bucket`);
      groupBy.push("bucket");
    }
    request.dimensions.forEach((dimension, i) => {
      select.push(`${group.table.dimensions[dimension] as string} AS d${i}`);
      groupBy.push(`d${i}`);
    });
    for (const m of group.measures) select.push(...aggregates(m.source, group.path, m.alias));
    // Without GROUP BY an aggregate over no rows still returns one row of zeros: `n` tells a gap from a true zero.
    select.push("count() AS n");
    const where = [`${group.table.time} >= toDateTime({from:String}, {tz:String})`, `${group.table.time} < toDateTime({to:String}, {tz:String})`];
    request.filters.forEach((filter, i) => {
      params[`f${i}`] = [...filter.values];
      where.push(`${group.table.dimensions[filter.dimension] as string} ${filter.exclude ? "NOT IN" : "IN"} {f${i}:Array(String)}`);
    });
    const sql = `SELECT ${select.join(", ")}\nFROM ${group.table.table}\nWHERE ${where.join("\n  AND ")}${groupBy.length ? `\nGROUP BY ${groupBy.join(", ")}` : ""}`;
    return { fact: group.fact, path: group.path, table: group.table.table, measures: group.measures, sql, params };
  });
}

/** Checks a request against the registry before anything runs; throws MetricQueryError with what is wrong. */
export function checkRequest(request: MetricRequest): void {
  if (request.measures.length === 0) throw new MetricQueryError("au moins une mesure / at least one measure");
  if (request.measures.length > 20) throw new MetricQueryError("au plus 20 mesures / at most 20 measures");
  if (request.dimensions.length > 4) throw new MetricQueryError("au plus 4 dimensions / at most 4 dimensions");
  if (new Set(request.dimensions).size !== request.dimensions.length) throw new MetricQueryError("dimension répétée / repeated dimension");
  for (const m of request.measures) {
    if (!Object.hasOwn(MEASURES, m.measure)) throw new MetricQueryError(`mesure inconnue / unknown measure ${m.measure}`);
    const kind = MEASURES[m.measure].kind;
    for (const s of m.statistics) {
      if (kind === "additive" && s !== "VALUE") throw new MetricQueryError(`${m.measure} n'a que VALUE / ${m.measure} has VALUE only`);
      if (kind === "duration" && s === "VALUE") throw new MetricQueryError(`${m.measure} : COUNT, MEAN, P50, P90, P95 ou RELIABILITY / COUNT, MEAN, P50, P90, P95 or RELIABILITY`);
    }
  }
  for (const d of [...request.dimensions, ...request.filters.map((f) => f.dimension)]) {
    if (!Object.hasOwn(DIMENSIONS, d)) throw new MetricQueryError(`dimension inconnue / unknown dimension ${d}`);
  }
  for (const f of request.filters) {
    if (f.values.length === 0 || f.values.length > 500) throw new MetricQueryError(`filtre ${f.dimension} : 1 à 500 valeurs / 1 to 500 values`);
    if (f.values.some((v) => v.length > 200)) throw new MetricQueryError(`filtre ${f.dimension} : valeur trop longue / value too long`);
  }
}
