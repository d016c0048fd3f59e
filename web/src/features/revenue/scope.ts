import type { Dimension, Measure, MetricQueryInput } from "../../gql/graphql";

/**
 * Country scoping, as the server enforces it (server/src/metrics/scope.ts,
 * docs/security.md): a user scoped to country C sees every country's totals
 * (split or filtered by country and time only) but the detail of C alone. A
 * chart that splits a country measure by anything else (a tax code, a
 * terminal…) or filters it by anything else (a direction) would be refused:
 * for such a user the chart asks for C only, and says so. Pure: tested in
 * web/test/revenue-scope.test.ts.
 */
export function scopeMetricQuery(query: MetricQueryInput, scope: string | null, registry: ReadonlyMap<Measure, ReadonlySet<Dimension>>): { query: MetricQueryInput; narrowed: boolean } {
  if (scope === null) return { query, narrowed: false };
  const filters = query.filters ?? [];
  const detail = (query.dimensions ?? []).some((d) => d !== "COUNTRY") || filters.some((f) => f.dimension !== "COUNTRY");
  if (!detail) return { query, narrowed: false };
  // Port-wide figures (ship calls, quay moves) belong to no country: nothing to narrow.
  if (!query.measures.some((m) => registry.get(m.measure)?.has("COUNTRY"))) return { query, narrowed: false };
  const onlyOwn = filters.some((f) => f.dimension === "COUNTRY" && !f.exclude && f.values.length > 0 && f.values.every((v) => v === scope));
  if (onlyOwn) return { query, narrowed: false };
  return { query: { ...query, filters: [...filters.filter((f) => f.dimension !== "COUNTRY"), { dimension: "COUNTRY", values: [scope] }] }, narrowed: true };
}

/**
 * The countries a view split by country and something else asks for (the
 * tariff scenario is split by HS chapter): a scoped user may ask for its own
 * country only, whatever the filter bar says.
 */
export function scopedCountries(filterCountries: readonly string[], scope: string | null): { countries: string[] | null; narrowed: boolean } {
  if (scope === null) return { countries: filterCountries.length ? [...filterCountries] : null, narrowed: false };
  return { countries: [scope], narrowed: !(filterCountries.length === 1 && filterCountries[0] === scope) };
}
