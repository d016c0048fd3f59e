import { describe, expect, it } from "vitest";
import type { Dimension, Measure, MetricQueryInput } from "../src/gql/graphql";
import { scopedCountries, scopeMetricQuery } from "../src/features/revenue/scope";

const registry = new Map<Measure, ReadonlySet<Dimension>>([
  ["CUSTOMS_REVENUE", new Set<Dimension>(["COUNTRY", "DIRECTION", "OFFICE", "TAX_CODE", "HS_CHAPTER"])],
  ["PORT_DWELL", new Set<Dimension>(["COUNTRY", "TERMINAL", "ROUTE"])],
  ["SHIP_WAITING", new Set<Dimension>(["TERMINAL"])],
]);
const period = { from: "2024-10-01", to: "2024-11-01" };

describe("country scoping of a chart's question", () => {
  const byTax: MetricQueryInput = { measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["TAX_CODE"], period, filters: [{ dimension: "COUNTRY", values: ["BF", "NE"] }] };

  it("changes nothing for a user who sees every country", () => {
    expect(scopeMetricQuery(byTax, null, registry)).toEqual({ query: byTax, narrowed: false });
  });
  it("lets a scoped user see every country's totals (split by country and time only)", () => {
    const totals: MetricQueryInput = { measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["COUNTRY"], grain: "MONTH", period };
    expect(scopeMetricQuery(totals, "BF", registry)).toEqual({ query: totals, narrowed: false });
  });
  it("narrows country detail (a split by tax code, a filter by direction) to the user's own country", () => {
    expect(scopeMetricQuery(byTax, "BF", registry)).toEqual({ query: { ...byTax, filters: [{ dimension: "COUNTRY", values: ["BF"] }] }, narrowed: true });
    const byDirection: MetricQueryInput = { measures: [{ measure: "CUSTOMS_REVENUE" }], period, filters: [{ dimension: "DIRECTION", values: ["import"] }] };
    expect(scopeMetricQuery(byDirection, "ML", registry).query.filters).toEqual([
      { dimension: "DIRECTION", values: ["import"] },
      { dimension: "COUNTRY", values: ["ML"] },
    ]);
  });
  it("keeps a question already about the user's own country as it is", () => {
    const own: MetricQueryInput = { ...byTax, filters: [{ dimension: "COUNTRY", values: ["BF"] }] };
    expect(scopeMetricQuery(own, "BF", registry)).toEqual({ query: own, narrowed: false });
  });
  it("leaves port-wide figures, which belong to no country, alone", () => {
    const ships: MetricQueryInput = { measures: [{ measure: "SHIP_WAITING" }], dimensions: ["TERMINAL"], period };
    expect(scopeMetricQuery(ships, "BF", registry)).toEqual({ query: ships, narrowed: false });
  });
});

describe("countries of a view split by country and chapter", () => {
  it("follow the filter bar for an unscoped user", () => {
    expect(scopedCountries([], null)).toEqual({ countries: null, narrowed: false });
    expect(scopedCountries(["BF", "NE"], null)).toEqual({ countries: ["BF", "NE"], narrowed: false });
  });
  it("are the user's own country for a scoped user, saying when that differs from the bar", () => {
    expect(scopedCountries([], "BF")).toEqual({ countries: ["BF"], narrowed: true });
    expect(scopedCountries(["BF"], "BF")).toEqual({ countries: ["BF"], narrowed: false });
    expect(scopedCountries(["NE", "BF"], "BF")).toEqual({ countries: ["BF"], narrowed: true });
  });
});
