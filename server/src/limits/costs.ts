import type { ComplexityEstimatorArgs } from "graphql-query-complexity";

// Costs of the fields that read figures, in rough units of one warehouse
// statement (10) — any other field costs 1. The default budget (API_MAX_COST)
// lets one request ask a few overviews, or a general query of 20 measures
// with comparisons, but not dozens of them through aliases.

interface MetricsArgs {
  readonly query?: { readonly measures?: readonly unknown[]; readonly compare?: boolean };
}

/** One statement per measure at most, three periods when comparing. */
export function metricsCost({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const query = (args as MetricsArgs).query;
  const measures = Math.max(1, query?.measures?.length ?? 1);
  return childComplexity + 10 * measures * (query?.compare ? 3 : 1);
}

/** 15 indicators over three periods, and their monthly trend. */
export const OVERVIEW_COST = 300;
/** 15 figures per country over three periods. */
export const COUNTRY_FIGURES_COST = 150;
export const POLICY_COST = 30;
