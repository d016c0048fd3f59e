import type { Warehouse } from "@corridor/warehouse";
import type { MetricsService } from "../../metrics/metrics-service.js";
import type { Period } from "../../metrics/query/period.js";
import type { DimensionFilter, MetricRequest } from "../../metrics/query/plan.js";
import type { FeedActivityQueries } from "../../queries/feed-activity.queries.js";
import type { ReportKind } from "../schedule-rules.js";

/** Where a report's figures come from: the semantic layer the API answers with, never SQL of the report's own. */
export interface ReportSources {
  readonly metrics: MetricsService;
  /** For the policy views, which read the warehouse through their own module (server/src/metrics/policy). */
  readonly warehouse: Warehouse;
  readonly feedActivity: FeedActivityQueries;
}

/** What one report is about. */
export interface ReportSpec {
  readonly kind: ReportKind;
  readonly scheduleName: string;
  readonly period: Period;
  readonly timeZone: string;
  /** Country filter of the country figures; empty: all. */
  readonly countries: readonly string[];
  /** A scoped owner's country: every figure is asked with that scope, as the API would for that user. */
  readonly scope: string | null;
  readonly maxDataAgeHours: number;
}

/** A request to the semantic layer with the defaults every report question shares. */
export function request(spec: ReportSpec, parts: Pick<MetricRequest, "measures"> & Partial<MetricRequest>, filtered: boolean): MetricRequest {
  const filters: DimensionFilter[] = filtered && spec.countries.length > 0 ? [{ dimension: "COUNTRY", values: [...spec.countries], exclude: false }] : [];
  return { dimensions: [], grain: "NONE", period: spec.period, timeZone: spec.timeZone, filters, order: [], limit: 10_000, compare: false, ...parts };
}
