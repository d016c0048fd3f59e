import type { Dimension, FilterInput, Measure } from "../gql/graphql";
import type { Filters } from "./filters";

/** The dimensions each measure can be filtered by, from the registry (`measures { name dimensions }`). */
export type Registry = ReadonlyMap<Measure, ReadonlySet<Dimension>>;

export interface AppliedFilters {
  readonly filters: FilterInput[];
  /** Filters of the view the measures cannot take (a port dwell has no HS section): said under the chart, never silently dropped. */
  readonly notApplied: Dimension[];
}

/**
 * The view's filters as a general query's filters, for the measures of one
 * chart: a filter goes in only when every measure of the chart can take it.
 */
export function metricFilters(filters: Filters, measures: readonly Measure[], registry: Registry, options: { skip?: readonly Dimension[] } = {}): AppliedFilters {
  const wanted: [Dimension, string[]][] = [];
  if (filters.countries.length) wanted.push(["COUNTRY", [...filters.countries]]);
  if (filters.route) wanted.push(["ROUTE", [filters.route]]);
  if (filters.hs) wanted.push(["HS_SECTION", [filters.hs]]);
  if (filters.direction) wanted.push(["DIRECTION", [filters.direction]]);
  const applied: FilterInput[] = [];
  const notApplied: Dimension[] = [];
  for (const [dimension, values] of wanted) {
    if (options.skip?.includes(dimension)) continue;
    if (measures.every((m) => registry.get(m)?.has(dimension))) applied.push({ dimension, values });
    else notApplied.push(dimension);
  }
  return { filters: applied, notApplied };
}
