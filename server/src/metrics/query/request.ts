import type { DimensionId } from "../registry/dimensions.js";
import { MEASURES, type MeasureId, type Statistic } from "../registry/measures.js";
import type { Grain, Period } from "./period.js";
import { MetricQueryError, type MetricRequest, type OrderSpec } from "./plan.js";

/** A general query as a client sends it (the GraphQL input, the CSV export's JSON body). */
export interface MetricQueryText {
  readonly measures: readonly { readonly measure: MeasureId; readonly statistics?: readonly Statistic[] | null }[];
  readonly dimensions?: readonly DimensionId[] | null;
  readonly grain?: Grain | null;
  readonly period: { readonly from: string; readonly to: string };
  readonly timeZone?: string | null;
  readonly filters?: readonly { readonly dimension: DimensionId; readonly values: readonly string[]; readonly exclude?: boolean | null }[] | null;
  readonly orderBy?: readonly { readonly measure?: MeasureId | null; readonly statistic?: Statistic | null; readonly dimension?: DimensionId | null; readonly bucket?: boolean | null; readonly descending?: boolean | null }[] | null;
  readonly limit?: number | null;
  readonly compare?: boolean | null;
}

export const DEFAULT_TIME_ZONE = "Africa/Lome";
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

const defaultStatistic = (measure: MeasureId): Statistic => (MEASURES[measure]?.kind === "duration" ? "P50" : "VALUE");

export function toPeriod(period: { readonly from: string; readonly to: string }): Period {
  return { from: period.from, to: period.to };
}

function toOrder(spec: NonNullable<MetricQueryText["orderBy"]>[number]): OrderSpec {
  const chosen = [spec.measure, spec.dimension, spec.bucket ? true : null].filter((x) => x !== null && x !== undefined);
  if (chosen.length !== 1) throw new MetricQueryError("tri : une mesure, une dimension ou bucket, un seul à la fois / orderBy: one of measure, dimension or bucket per entry");
  const descending = spec.descending ?? false;
  if (spec.measure) return { by: { measure: spec.measure, statistic: spec.statistic ?? defaultStatistic(spec.measure) }, descending };
  if (spec.dimension) return { by: { dimension: spec.dimension }, descending };
  return { by: { bucket: true }, descending };
}

/** Fills a client's query with its defaults; the registry checks (runMetrics) come after. */
export function toMetricRequest(query: MetricQueryText): MetricRequest {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new MetricQueryError(`limit : entre 1 et ${MAX_LIMIT} / limit: between 1 and ${MAX_LIMIT}`);
  const dimensions = query.dimensions ?? [];
  const order = (query.orderBy ?? []).map(toOrder);
  for (const o of order) {
    if ("dimension" in o.by && !dimensions.includes(o.by.dimension)) throw new MetricQueryError(`tri par ${o.by.dimension} : dimension absente de la requête / orderBy ${o.by.dimension}: not a dimension of the query`);
    const by = o.by;
    if ("measure" in by && !query.measures.some((m) => m.measure === by.measure && (m.statistics?.length ? m.statistics.includes(by.statistic) : defaultStatistic(m.measure) === by.statistic))) {
      throw new MetricQueryError(`tri par ${by.measure} ${by.statistic} : pas demandé dans measures / orderBy ${by.measure} ${by.statistic}: not asked for in measures`);
    }
  }
  return {
    measures: query.measures.map((m) => ({ measure: m.measure, statistics: m.statistics ?? [] })),
    dimensions,
    grain: query.grain ?? "NONE",
    period: toPeriod(query.period),
    timeZone: query.timeZone ?? DEFAULT_TIME_ZONE,
    filters: (query.filters ?? []).map((f) => ({ dimension: f.dimension, values: [...f.values], exclude: f.exclude ?? false })),
    order,
    limit,
    compare: query.compare ?? false,
  };
}
