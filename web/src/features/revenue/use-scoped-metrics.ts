import { useAppData } from "../../app/app-data";
import { useMetrics } from "../../charts/use-metrics";
import type { MetricQueryInput } from "../../gql/graphql";
import { scopeMetricQuery } from "./scope";
import { useScope } from "./use-scope";

/** useMetrics for a chart, narrowed to the user's own country when the question is country detail (see scope.ts); `narrowedTo` says so. */
export function useScopedMetrics(query: MetricQueryInput, options: { skip?: boolean } = {}) {
  const scope = useScope();
  const { registry } = useAppData();
  const scoped = scopeMetricQuery(query, scope, registry);
  const { state, result } = useMetrics(scoped.query, options);
  return { state, result, narrowedTo: scoped.narrowed ? scope : null };
}
