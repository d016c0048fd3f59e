import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../etl/src/generate/generate.js";
import { expandPaths } from "../../etl/src/load/load-files.js";
import { openEtlWarehouse, sampleFiles, type EtlWarehouse } from "../../etl/test/support/etl-warehouse.js";
import { planMetrics, MetricQueryError, type MetricRequest } from "../src/metrics/query/plan.js";
import { runMetrics, type MetricAnswer } from "../src/metrics/query/run-metrics.js";
import { FACTS } from "../src/metrics/registry/facts.js";
import { MEASURE_IDS, MEASURES, type MeasureId, type MeasureSource } from "../src/metrics/registry/measures.js";
import type { DimensionId } from "../src/metrics/registry/dimensions.js";

// Samples (October 2024) and two generated months (March–April 2023) in one warehouse: they never overlap in time.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-metrics-"));
let etl: EtlWarehouse;

beforeAll(async () => {
  await generateDemoData({ from: "2023-03", to: "2023-04", scale: 0.01, seed: 7, outDir: dir });
  etl = await openEtlWarehouse();
  await etl.load(sampleFiles());
  await etl.load(expandPaths([dir]));
}, 240_000);
afterAll(async () => {
  await etl?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base: Omit<MetricRequest, "measures"> = {
  dimensions: [],
  grain: "NONE",
  period: { from: "2024-10-01", to: "2024-11-01" },
  timeZone: "Africa/Lome",
  filters: [],
  order: [],
  limit: 10_000,
  compare: false,
};

const request = (r: Partial<MetricRequest> & Pick<MetricRequest, "measures">): MetricRequest => ({ ...base, ...r });
const cellsOf = (answer: MetricAnswer) => answer.rows.map((row) => ({ bucket: row.bucket, dims: row.dimensions.map((d) => d.value).join("|"), cells: row.cells.map((c) => c.value) }));

/** The first source of each measure that has a rollup, and the dimensions that rollup serves. */
function rollupCases(): { measure: MeasureId; dimensions: DimensionId[] }[] {
  return MEASURE_IDS.flatMap((measure) => {
    const source = (MEASURES[measure].sources as readonly MeasureSource[]).find((s) => s.rollup !== undefined && FACTS[s.fact].rollup);
    const rollup = source ? FACTS[source.fact].rollup : undefined;
    return rollup ? [{ measure, dimensions: Object.keys(rollup.dimensions) as DimensionId[] }] : [];
  });
}

describe("the semantic layer", () => {
  it("gives the same numbers from rollups and from detailed tables, for every measure, dimension and grain", async () => {
    const cases = rollupCases();
    expect(cases.length).toBeGreaterThanOrEqual(15);
    let compared = 0;
    for (const { measure, dimensions } of cases) {
      const statistics = MEASURES[measure].kind === "duration" ? (["COUNT", "MEAN", "P50", "P90", "P95", "RELIABILITY"] as const) : (["VALUE"] as const);
      for (const split of [[], ...dimensions.map((d) => [d])] as DimensionId[][]) {
        for (const grain of ["MONTH", "WEEK", "DAY"] as const) {
          // Niamey is UTC+1: local days start at 23:00 UTC, which hourly rollups still cut exactly.
          for (const timeZone of ["Africa/Lome", "Africa/Niamey"]) {
            const r = request({ measures: [{ measure, statistics }], dimensions: split, grain, timeZone, period: { from: "2023-03-01", to: "2023-05-01" } });
            const [detail, rollup] = await Promise.all([runMetrics(etl.warehouse, { ...r, path: "detail" }), runMetrics(etl.warehouse, { ...r, path: "rollup" })]);
            expect(detail.sources.every((s) => s.path === "detail")).toBe(true);
            expect(rollup.sources.every((s) => s.path === "rollup")).toBe(true);
            const a = cellsOf(detail);
            const b = cellsOf(rollup);
            expect(b.map((x) => [x.bucket, x.dims]), `${measure} ${split} ${grain} ${timeZone}`).toEqual(a.map((x) => [x.bucket, x.dims]));
            a.forEach((row, i) => {
              row.cells.forEach((value, j) => {
                const other = b[i]?.cells[j] ?? null;
                const what = `${measure} ${statistics[j]} ${split} ${grain} ${timeZone} ${row.bucket} ${row.dims}`;
                if (value === null || other === null) expect(other, what).toBe(value);
                // Percentiles may differ by 1 % (formats.md); sums and counts must not differ at all.
                else if (["P50", "P90", "P95", "RELIABILITY", "MEAN"].includes(statistics[j] ?? "")) expect(Math.abs(other - value), what).toBeLessThanOrEqual(Math.abs(value) * 0.01 + 1e-9);
                else expect(other, what).toBe(value);
              });
            });
            compared += a.length;
          }
        }
      }
    }
    // The generated months must actually hold data for the comparison to mean something.
    expect(compared).toBeGreaterThan(2000);
  }, 300_000);

  it("reads rollups by default when they serve the query, and detailed tables when they do not", async () => {
    const byCountry = await runMetrics(etl.warehouse, request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], dimensions: ["COUNTRY"] }));
    expect(byCountry.sources).toEqual([{ measure: "TONNES", path: "rollup", table: "rollup_declarations_hourly" }]);
    const byChapter = await runMetrics(etl.warehouse, request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], dimensions: ["HS_CHAPTER"] }));
    expect(byChapter.sources).toEqual([{ measure: "TONNES", path: "detail", table: "fact_declaration_items" }]);
    // India is UTC+5:30: hourly rollups cannot cut its days, so the detailed table answers.
    const kolkata = await runMetrics(etl.warehouse, request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], timeZone: "Asia/Kolkata" }));
    expect(kolkata.sources[0]?.path).toBe("detail");
    // Tonnes from items and from declarations agree.
    expect(byChapter.rows.reduce((sum, row) => sum + (row.cells[0]?.value ?? 0), 0)).toBeCloseTo(byCountry.rows.reduce((sum, row) => sum + (row.cells[0]?.value ?? 0), 0), 6);
  });

  it("returns empty time buckets as gaps, for every dimension value seen", async () => {
    const answer = await runMetrics(etl.warehouse, request({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["COUNT", "P50"] }], dimensions: ["ROUTE"], grain: "WEEK" }));
    // Five ISO weeks meet October 2024 (from Monday 30 September); three routes had trucks arriving.
    expect(new Set(answer.rows.map((r) => r.bucket))).toEqual(new Set(["2024-09-30", "2024-10-07", "2024-10-14", "2024-10-21", "2024-10-28"]));
    expect(answer.rows).toHaveLength(15);
    const herWeek = (bucket: string) => answer.rows.find((r) => r.bucket === bucket && r.dimensions[0]?.value === "TG-ML-HER");
    expect(herWeek("2024-10-21")?.cells.map((c) => c.value)).toEqual([1, 146]);
    expect(herWeek("2024-10-07")?.cells.map((c) => c.value)).toEqual([null, null]);
  });

  it("compares with the previous period and a year earlier, bucket by bucket", async () => {
    const months = await runMetrics(etl.warehouse, request({ measures: [{ measure: "DECLARATIONS", statistics: ["VALUE"] }, { measure: "PORT_DWELL", statistics: ["P50"] }], grain: "MONTH", period: { from: "2023-03-01", to: "2023-05-01" } }));
    const [march, april] = months.rows;
    const compared = await runMetrics(etl.warehouse, request({ measures: [{ measure: "DECLARATIONS", statistics: ["VALUE"] }, { measure: "PORT_DWELL", statistics: ["P50"] }], period: { from: "2023-04-01", to: "2023-05-01" }, compare: true }));
    expect(compared.previousPeriod).toEqual({ from: "2023-03-01", to: "2023-04-01" });
    expect(compared.yearAgoPeriod).toEqual({ from: "2022-04-01", to: "2022-05-01" });
    const [declarations, dwell] = compared.rows[0]?.cells ?? [];
    expect(declarations?.value).toBe(april?.cells[0]?.value);
    expect(declarations?.previous).toBe(march?.cells[0]?.value);
    expect(declarations?.previousChange).toBeCloseTo(((april?.cells[0]?.value as number) - (march?.cells[0]?.value as number)) / (march?.cells[0]?.value as number), 6);
    expect(dwell?.previous).toBe(march?.cells[1]?.value);
    // Nothing was loaded for 2022: a gap, not a zero, and no change can be computed.
    expect(declarations?.yearAgo).toBeNull();
    expect(declarations?.yearAgoChange).toBeNull();
  });

  it("keeps a row seen only in a compared period, and marks buckets that reach outside the period", async () => {
    // Week of 14 October: BF registered nothing counted; the week before, D5 (the cotton export, 22 t, 8 October).
    const answer = await runMetrics(etl.warehouse, request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], dimensions: ["COUNTRY"], period: { from: "2024-10-14", to: "2024-10-21" }, compare: true }));
    const bf = answer.rows.find((r) => r.dimensions[0]?.value === "BF");
    expect(bf?.cells[0]).toMatchObject({ value: null, previous: 22 });
    const weeks = await runMetrics(etl.warehouse, request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], grain: "WEEK" }));
    expect(weeks.rows.map((r) => [r.bucket, r.partial])).toEqual([
      ["2024-09-30", true],
      ["2024-10-07", false],
      ["2024-10-14", false],
      ["2024-10-21", false],
      ["2024-10-28", true],
    ]);
  });

  it("orders, limits and says when rows were left out", async () => {
    const answer = await runMetrics(etl.warehouse, request({ measures: [{ measure: "PORT_CHARGES", statistics: ["VALUE"] }], dimensions: ["COUNTRY", "FEE_CODE"], order: [{ by: { measure: "PORT_CHARGES", statistic: "VALUE" }, descending: true }], limit: 2 }));
    expect(answer.truncated).toBe(true);
    expect(answer.rows.map((r) => [r.dimensions.map((d) => d.value).join(" "), r.cells[0]?.value])).toEqual([
      [" PILOTAGE", 1_607_095],
      ["BF THC", 402_000],
    ]);
  });

  it("refuses what the registry cannot answer, saying what is wrong", async () => {
    const tonnes = [{ measure: "TONNES" as const, statistics: ["VALUE" as const] }];
    const cases: [Partial<MetricRequest>, RegExp][] = [
      [{ measures: [{ measure: "SHIP_WAITING", statistics: ["P50"] }], dimensions: ["COUNTRY"] }, /SHIP_WAITING cannot be split or filtered by COUNTRY/u],
      [{ measures: [{ measure: "TONNES", statistics: ["P50"] }] }, /TONNES has VALUE only/u],
      [{ measures: [{ measure: "constructor" as MeasureId, statistics: [] }] }, /unknown measure constructor/u],
      [{ measures: tonnes, dimensions: ["toString" as DimensionId] }, /unknown dimension toString/u],
      [{ measures: tonnes, timeZone: "Mars/Olympus" }, /unknown time zone/u],
      [{ measures: tonnes, period: { from: "2024-02-30", to: "2024-03-01" } }, /YYYY-MM-DD/u],
      [{ measures: tonnes, period: { from: "2024-03-01", to: "2024-03-01" } }, /`to` must come after `from`/u],
      [{ measures: tonnes, grain: "DAY", period: { from: "2000-01-01", to: "2019-01-01" } }, /coarser grain/u],
    ];
    for (const [r, message] of cases) await expect(runMetrics(etl.warehouse, request({ measures: tonnes, ...r }))).rejects.toThrow(message);
    await expect(runMetrics(etl.warehouse, request({ measures: tonnes, timeZone: "Mars/Olympus" }))).rejects.toBeInstanceOf(MetricQueryError);
  });

  it("binds every value: injection attempts through each string are plain data", async () => {
    const attacks = ["'; DROP TABLE fact_declarations; --", "BF') OR 1=1 --", "{x:String}) OR ({y:String}", "\\'", "x\u0000y", "BF' UNION SELECT password_hash FROM users --"];
    const before = await etl.warehouse.query<{ n: string }>({ sql: "SELECT toString(count()) AS n FROM fact_declarations", tag: "test" });
    for (const attack of attacks) {
      const r = request({ measures: [{ measure: "TONNES", statistics: ["VALUE"] }], dimensions: ["COUNTRY"], filters: [{ dimension: "COUNTRY", values: [attack], exclude: false }] });
      // The SQL is the registry's text only: the value travels as a parameter.
      for (const statement of planMetrics(r, r.period)) expect(statement.sql).not.toContain(attack);
      const answer = await runMetrics(etl.warehouse, r);
      expect(answer.rows).toEqual([]);
      const excluded = await runMetrics(etl.warehouse, { ...r, filters: [{ dimension: "CONSIGNEE", values: [attack], exclude: true }] });
      expect(excluded.rows.length).toBeGreaterThan(0);
      await expect(runMetrics(etl.warehouse, { ...r, timeZone: attack })).rejects.toBeInstanceOf(MetricQueryError);
      await expect(runMetrics(etl.warehouse, { ...r, period: { from: attack, to: "2024-11-01" } })).rejects.toBeInstanceOf(MetricQueryError);
    }
    const after = await etl.warehouse.query<{ n: string }>({ sql: "SELECT toString(count()) AS n FROM fact_declarations", tag: "test" });
    expect(after).toEqual(before);
  });
});
