import { describe, expect, it } from "vitest";
import { COVERAGE_MEASURES, coverageOf, type CoverageInputRow } from "../src/features/data/coverage";

const row = (bucket: string | null, values: Record<string, number | null>): CoverageInputRow => ({
  bucket,
  cells: Object.entries(values).map(([measure, value]) => ({ measure, unit: measure === "PORT_CHARGES" ? "XOF" : "CALLS", value })),
});

describe("coverageOf", () => {
  it("gives one line per feed, in the measures' order, with values in bucket order (rows may come unsorted)", () => {
    const coverage = coverageOf([row("2024-10-02", { SHIP_CALLS: 1, PORT_CHARGES: null }), row("2024-10-01", { SHIP_CALLS: null, PORT_CHARGES: 20000 })], [
      { feed: "VESSEL_CALLS", measure: "SHIP_CALLS" },
      { feed: "PORT_INVOICES", measure: "PORT_CHARGES" },
    ]);
    expect(coverage.buckets).toEqual(["2024-10-01", "2024-10-02"]);
    expect(coverage.lines.map((l) => [l.feed, l.unit, l.values])).toEqual([
      ["VESSEL_CALLS", "CALLS", [null, 1]],
      ["PORT_INVOICES", "XOF", [20000, null]],
    ]);
  });

  it("counts covered buckets, sums the values and finds the longest gap (a trailing one included)", () => {
    const values = [null, 2, null, null, 3, 0, null, null, null];
    const rows = values.map((v, i) => row(`2024-10-0${i + 1}`, { SHIP_CALLS: v }));
    const [line] = coverageOf(rows, [{ feed: "VESSEL_CALLS", measure: "SHIP_CALLS" }]).lines;
    expect(line?.covered).toBe(3); // a 0 is data, not a gap
    expect(line?.total).toBe(5);
    expect(line?.longestGap).toEqual({ from: "2024-10-07", to: "2024-10-09", buckets: 3 });
  });

  it("keeps the first of two equal gaps, and says there is none when every bucket holds data", () => {
    const gaps = coverageOf([row("2024-10-01", { SHIP_CALLS: null }), row("2024-10-02", { SHIP_CALLS: 1 }), row("2024-10-03", { SHIP_CALLS: null })], [{ feed: "VESSEL_CALLS", measure: "SHIP_CALLS" }]).lines[0];
    expect(gaps?.longestGap).toEqual({ from: "2024-10-01", to: "2024-10-01", buckets: 1 });
    const full = coverageOf([row("2024-10-01", { SHIP_CALLS: 1 })], [{ feed: "VESSEL_CALLS", measure: "SHIP_CALLS" }]).lines[0];
    expect(full?.longestGap).toBeNull();
  });

  it("gives a null total and one whole gap for a feed without data, and a missing measure counts as gaps", () => {
    const coverage = coverageOf([row("2024-10-01", { SHIP_CALLS: 1 }), row("2024-10-02", { SHIP_CALLS: 1 }), row(null, { SHIP_CALLS: 9 })]);
    expect(coverage.buckets).toHaveLength(2); // a row without bucket (a total) is left out
    expect(coverage.lines.map((l) => l.feed)).toEqual(COVERAGE_MEASURES.map((m) => m.feed));
    const declarations = coverage.lines.find((l) => l.feed === "CUSTOMS_DECLARATIONS");
    expect(declarations).toMatchObject({ covered: 0, total: null, values: [null, null], longestGap: { from: "2024-10-01", to: "2024-10-02", buckets: 2 } });
  });

  it("has nothing to show for no rows", () => {
    expect(coverageOf([]).buckets).toEqual([]);
    expect(coverageOf([]).lines.every((l) => l.covered === 0 && l.longestGap === null)).toBe(true);
  });
});
