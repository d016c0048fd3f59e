import { ApiError } from "../api/graphql-client";
import { useQuery } from "../api/use-query";
import { MetricsDocument, type MetricQueryInput, type MetricsQuery } from "../gql/graphql";
import type { ChartState } from "./ChartCard";
import { chartStateOf } from "./chart-state";
import { allGaps } from "./series";

export type MetricsResult = MetricsQuery["metrics"];

/** A general query for one chart, with the chart's state: loading, error (retry), empty (every cell a gap) or ready (maybe offline). */
export function useMetrics(query: MetricQueryInput, options: { skip?: boolean } = {}): { state: ChartState; result: MetricsResult | null } {
  const answer = useQuery(MetricsDocument, { query }, options);
  // The API's error code (FORBIDDEN for a country-scoped user asking another country's detail) lets a page explain it.
  if (answer.status === "error") return { state: { status: "error", retry: answer.retry, code: answer.error instanceof ApiError ? answer.error.code : undefined }, result: null };
  const result = answer.status === "loading" ? null : answer.data.metrics;
  return { state: chartStateOf(answer, result !== null && result.rows.length > 0 && !allGaps(result.rows)), result };
}
