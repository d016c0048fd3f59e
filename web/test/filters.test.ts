import { describe, expect, it } from "vitest";
import { grainFor, lastDay, lastTwelveMonths, parseFilters, writeFilters } from "../src/app/filters";
import { metricFilters, type Registry } from "../src/app/metric-filters";
import { presetOf, presets } from "../src/app/presets";
import type { Dimension, Measure } from "../src/gql/graphql";

const today = new Date("2026-11-27T10:00:00Z");

describe("filters in the address", () => {
  it("default to the last twelve complete months, every country, comparisons on", () => {
    expect(parseFilters(new URLSearchParams(""), today)).toEqual({ from: "2025-11-01", to: "2026-11-01", countries: [], route: null, hs: null, direction: null, compare: true });
    expect(lastTwelveMonths(new Date("2026-01-15T00:00:00Z"))).toEqual({ from: "2025-01-01", to: "2026-01-01" });
  });

  it("read every filter, and round-trip through the address with short links", () => {
    const params = new URLSearchParams("from=2024-10-01&to=2024-11-01&countries=bf,NE,BF&route=TG-BF-OUA&hs=XV&dir=import&compare=0&lang=en");
    const filters = parseFilters(params, today);
    expect(filters).toEqual({ from: "2024-10-01", to: "2024-11-01", countries: ["BF", "NE"], route: "TG-BF-OUA", hs: "XV", direction: "import", compare: false });
    const written = writeFilters(filters, params, today);
    expect(written.get("lang")).toBe("en");
    expect(parseFilters(written, today)).toEqual(filters);
    // Defaults are left out of the address.
    expect(writeFilters(parseFilters(new URLSearchParams(""), today), new URLSearchParams(""), today).toString()).toBe("");
  });

  it("fall back to defaults on anything malformed instead of breaking the page", () => {
    const filters = parseFilters(new URLSearchParams("from=2024-02-30&to=2024-03-01&countries=XX,<script>&route=' OR 1=1&hs=XXXXXX&dir=sideways"), today);
    expect(filters).toMatchObject({ from: "2025-11-01", to: "2026-11-01", countries: [], route: null, hs: null, direction: null });
    expect(parseFilters(new URLSearchParams("from=2024-11-01&to=2024-10-01"), today).from).toBe("2025-11-01");
  });

  it("choose a readable time grain and name the last day", () => {
    expect(grainFor({ from: "2024-10-01", to: "2024-11-01" })).toBe("DAY");
    expect(grainFor({ from: "2024-10-01", to: "2025-01-01" })).toBe("WEEK");
    expect(grainFor({ from: "2023-01-01", to: "2026-01-01" })).toBe("MONTH");
    expect(grainFor({ from: "2015-01-01", to: "2026-01-01" })).toBe("QUARTER");
    expect(lastDay("2024-11-01")).toBe("2024-10-31");
  });

  it("offer periods people ask for, complete months only", () => {
    const list = presets(today);
    expect(list.find((p) => p.id === "lastQuarter")).toEqual({ id: "lastQuarter", from: "2026-07-01", to: "2026-10-01" });
    expect(list.find((p) => p.id === "lastMonth")).toEqual({ id: "lastMonth", from: "2026-10-01", to: "2026-11-01" });
    expect(list.find((p) => p.id === "year-2025")).toEqual({ id: "year-2025", from: "2025-01-01", to: "2026-01-01" });
    expect(presetOf({ from: "2025-11-01", to: "2026-11-01" }, today)).toBe("last12");
    expect(presetOf({ from: "2025-11-02", to: "2026-11-01" }, today)).toBeNull();
  });
});

describe("a chart's filters", () => {
  const registry: Registry = new Map<Measure, ReadonlySet<Dimension>>([
    ["TONNES", new Set<Dimension>(["COUNTRY", "ROUTE", "HS_SECTION", "DIRECTION"])],
    ["PORT_DWELL", new Set<Dimension>(["COUNTRY", "ROUTE", "TERMINAL"])],
  ]);
  const filters = parseFilters(new URLSearchParams("countries=BF&route=TG-BF-OUA&hs=XV&dir=import"), today);

  it("pass every filter the measures take, and name the others", () => {
    expect(metricFilters(filters, ["TONNES"], registry)).toEqual({
      filters: [
        { dimension: "COUNTRY", values: ["BF"] },
        { dimension: "ROUTE", values: ["TG-BF-OUA"] },
        { dimension: "HS_SECTION", values: ["XV"] },
        { dimension: "DIRECTION", values: ["import"] },
      ],
      notApplied: [],
    });
    expect(metricFilters(filters, ["TONNES", "PORT_DWELL"], registry)).toEqual({
      filters: [
        { dimension: "COUNTRY", values: ["BF"] },
        { dimension: "ROUTE", values: ["TG-BF-OUA"] },
      ],
      notApplied: ["HS_SECTION", "DIRECTION"],
    });
  });
});
