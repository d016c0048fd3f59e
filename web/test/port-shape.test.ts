import { describe, expect, it } from "vitest";
import { seriesTotal } from "../src/charts/series";
import { cellsOverTime, dwellLadder, pivotByDimensions, terminalFigures } from "../src/features/port/shape";

const dim = (value: string, fr: string | null, en: string | null = fr) => ({ value, labelFr: fr, labelEn: en });
const cells = (...values: (number | null)[]) => values.map((value) => ({ value }));

describe("ship times over time", () => {
  it("names each cell of a bucket, keeps gaps and sorts by bucket", () => {
    const rows = [
      { bucket: "2024-10-14", dimensions: [], cells: cells(12, 12, 1, 46, 46, 1) },
      { bucket: "2024-10-02", dimensions: [], cells: cells(8.5, 8.5, 1, 44, 44, 1) },
      { bucket: "2024-10-03", dimensions: [], cells: cells(null, null, null, null, null, null) },
    ];
    expect(cellsOverTime(rows, ["waitP50", "waitP90", "waitRel", "turnP50", "turnP90", "turnRel"])).toEqual([
      { bucket: "2024-10-02", waitP50: 8.5, waitP90: 8.5, waitRel: 1, turnP50: 44, turnP90: 44, turnRel: 1 },
      { bucket: "2024-10-03", waitP50: null, waitP90: null, waitRel: null, turnP50: null, turnP90: null, turnRel: null },
      { bucket: "2024-10-14", waitP50: 12, waitP90: 12, waitRel: 1, turnP50: 46, turnP90: 46, turnRel: 1 },
    ]);
  });
});

describe("TEU handled by move and trade", () => {
  const discharge = dim("DISCHARGE", "Débarquement", "Discharge");
  const load = dim("LOAD", "Embarquement", "Load");
  const rows = [
    { bucket: "2024-10-02", dimensions: [discharge, dim("import", "Import")], cells: cells(5) },
    { bucket: "2024-10-02", dimensions: [discharge, dim("transshipment", "Transbordement", "Transshipment")], cells: cells(1) },
    { bucket: "2024-10-16", dimensions: [load, dim("export", "Export")], cells: cells(2) },
    { bucket: "2024-10-15", dimensions: [discharge, dim("import", "Import")], cells: cells(2) },
  ];

  it("makes a column per combination, labelled in the language, absent ones as gaps", () => {
    const pivot = pivotByDimensions(rows, 0, "fr");
    expect(pivot.series).toEqual([
      { key: "v_DISCHARGE_import", label: "Débarquement · Import" },
      { key: "v_DISCHARGE_transshipment", label: "Débarquement · Transbordement" },
      { key: "v_LOAD_export", label: "Embarquement · Export" },
    ]);
    expect(pivot.data).toEqual([
      { bucket: "2024-10-02", v_DISCHARGE_import: 5, v_DISCHARGE_transshipment: 1, v_LOAD_export: null },
      { bucket: "2024-10-15", v_DISCHARGE_import: 2, v_DISCHARGE_transshipment: null, v_LOAD_export: null },
      { bucket: "2024-10-16", v_DISCHARGE_import: null, v_DISCHARGE_transshipment: null, v_LOAD_export: 2 },
    ]);
    expect(pivotByDimensions(rows, 0, "en").series[1]?.label).toBe("Discharge · Transshipment");
  });
  it("adds a series up over the period, a series of gaps staying a gap", () => {
    const pivot = pivotByDimensions(rows, 0, "fr");
    expect(seriesTotal(pivot.data, "v_DISCHARGE_import")).toBe(7);
    expect(seriesTotal([{ bucket: "2024-10-01", x: null }], "x")).toBeNull();
  });
});

describe("the dwell percentile ladder", () => {
  it("puts the whole port first, then terminals, as segments to P50, P90 and P95", () => {
    const whole = { bucket: null, dimensions: [], cells: cells(4, 121.5, 154.2, 158.1) };
    const terminals = [
      { bucket: null, dimensions: [dim("LCT", "Lomé Container Terminal")], cells: cells(3, 136, 156.8, 159.4) },
      { bucket: null, dimensions: [dim("TTL", "Togo Terminal")], cells: cells(1, 98, 98, 98) },
      { bucket: null, dimensions: [dim("QMIN", "Quai minéralier")], cells: cells(null, null, null, null) },
    ];
    const ladder = dwellLadder(whole, terminals, "Tout le port", "fr");
    expect(ladder.map((r) => r.label)).toEqual(["Tout le port", "Lomé Container Terminal", "Togo Terminal"]);
    expect(ladder[1]).toMatchObject({ key: "LCT", count: 3, p50: 136, p90: 156.8, p95: 159.4, toP50: 136 });
    expect(ladder[1]?.toP90).toBeCloseTo(20.8, 9);
    expect(ladder[1]?.toP95).toBeCloseTo(2.6, 9);
    expect(ladder[2]).toMatchObject({ toP50: 98, toP90: 0, toP95: 0 });
  });
  it("keeps a gap a gap, and shows nothing without data", () => {
    const partial = { bucket: null, dimensions: [dim("LCT", "LCT")], cells: cells(1, 100, null, null) };
    expect(dwellLadder(null, [partial], "Tout le port", "fr")[0]).toMatchObject({ p50: 100, toP50: 100, toP90: null, toP95: null });
    expect(dwellLadder({ bucket: null, dimensions: [], cells: cells(null, null, null, null) }, [], "Tout le port", "fr")).toEqual([]);
  });
});

describe("terminal figures", () => {
  it("names the cells of the terminal query and leaves out terminals with no figure", () => {
    const rows = [
      { bucket: null, dimensions: [dim("LCT", "Lomé Container Terminal")], cells: cells(1, 8.5, 8.5, 1, 44, 44, 1, 6) },
      { bucket: null, dimensions: [dim("JETTY", "Appontement pétrolier", "Oil jetty")], cells: cells(null, null, null, null, null, null, null, null) },
    ];
    expect(terminalFigures(rows, "fr")).toEqual([{ key: "LCT", label: "Lomé Container Terminal", calls: 1, waitP50: 8.5, waitP90: 8.5, waitReliability: 1, turnP50: 44, turnP90: 44, turnReliability: 1, teu: 6 }]);
  });
});
