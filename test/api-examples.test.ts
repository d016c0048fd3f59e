import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_DOC } from "../scripts/api-docs.js";
import { docExamples, type DocExample } from "../scripts/api-docs/markdown.js";
import { startSampleServer, type SampleServer } from "./support/sample-server.js";

const doc = fs.readFileSync(API_DOC, "utf8");
const examples = docExamples(doc);

let sample: SampleServer;
beforeAll(async () => {
  sample = await startSampleServer();
});
afterAll(async () => {
  await sample?.stop();
});

/** The server's answer to the doc's example `operation`, asked once and shared by the checks below. */
const answers = new Map<string, Promise<unknown>>();
function answerTo(operation: string): Promise<unknown> {
  const example = examples.find((e) => e.operation === operation);
  if (!example) throw new Error(`docs/api.md has no example named ${operation}`);
  const answer = answers.get(operation) ?? sample.query(example.graphql);
  answers.set(operation, answer);
  return answer;
}

describe("docs/api.md, run on the samples", () => {
  it.each(examples.map((e) => [e.operation, e] as const))("%s answers exactly what the doc shows", async (operation, example: DocExample) => {
    expect(await answerTo(operation)).toEqual(JSON.parse(example.json));
  });
});

interface Cell {
  readonly measure?: string;
  readonly statistic?: string;
  readonly value: number | null;
}
interface Row {
  readonly bucket?: string | null;
  readonly dimensions?: readonly { readonly value: string }[];
  readonly cells: readonly Cell[];
}

/** The rows of field `field` (an alias or `metrics`) in an answer. */
async function rowsOf(operation: string, field = "metrics"): Promise<readonly Row[]> {
  const body = (await answerTo(operation)) as { data?: Record<string, { rows: Row[] }> | null; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const rows = body.data?.[field]?.rows;
  if (!rows) throw new Error(`${operation} has no ${field}.rows`);
  return rows;
}

/** The row whose dimension values are `dims`; undefined when there is none. */
function rowOf(rows: readonly Row[], dims: readonly string[]): Row | undefined {
  return rows.find((r) => JSON.stringify((r.dimensions ?? []).map((d) => d.value)) === JSON.stringify(dims));
}

/**
 * A figure of the row `dims`, picked by measure and statistic. An example
 * selects only the fields it needs, so a cell without `measure` or
 * `statistic` matches any; exactly one cell must match.
 */
function figure(rows: readonly Row[], dims: readonly string[], pick: { measure?: string; statistic?: string } = {}): number | null | undefined {
  const row = rowOf(rows, dims);
  if (!row) return undefined;
  const cells = row.cells.filter((c) => (pick.measure === undefined || c.measure === undefined || c.measure === pick.measure) && (pick.statistic === undefined || c.statistic === undefined || c.statistic === pick.statistic));
  if (cells.length !== 1) throw new Error(`${JSON.stringify(dims)} ${JSON.stringify(pick)}: ${cells.length} cells match`);
  return (cells[0] as Cell).value;
}

// The figures of shared/samples/EXPECTED.md, typed from it by hand (never read from the doc), checked
// against the server's answers to the doc's examples: the doc must show them, and the API must give them.
describe("the figures of EXPECTED.md in those answers", () => {
  it("§1–2 ship waiting p50 10.25 h, p90 11.65 h; turnaround p50 45 h, p90 45.8 h; two calls", async () => {
    const rows = await rowsOf("ShipWaitingAndTurnaround");
    expect(figure(rows, [], { measure: "SHIP_CALLS" })).toBe(2);
    expect(figure(rows, [], { measure: "SHIP_WAITING", statistic: "P50" })).toBe(10.25);
    expect(figure(rows, [], { measure: "SHIP_WAITING", statistic: "P90" })).toBe(11.65);
    expect(figure(rows, [], { measure: "SHIP_TURNAROUND", statistic: "P50" })).toBe(45);
    expect(figure(rows, [], { measure: "SHIP_TURNAROUND", statistic: "P90" })).toBe(45.8);
  });

  it("§3 port dwell: BF 2 containers, mean and p50 149 h, p90 159.4 h; NE 107 h; ML 98 h; all countries p50 121.5, p90 154.2, mean 125.75", async () => {
    const byCountry = await rowsOf("PortDwellByCountry", "byCountry");
    expect(figure(byCountry, ["BF"], { statistic: "COUNT" })).toBe(2);
    expect(figure(byCountry, ["BF"], { statistic: "MEAN" })).toBe(149);
    expect(figure(byCountry, ["BF"], { statistic: "P50" })).toBe(149);
    expect(figure(byCountry, ["BF"], { statistic: "P90" })).toBe(159.4);
    expect(figure(byCountry, ["NE"], { statistic: "P50" })).toBe(107);
    expect(figure(byCountry, ["ML"], { statistic: "P50" })).toBe(98);
    const all = await rowsOf("PortDwellByCountry", "allCountries");
    expect(figure(all, [], { statistic: "COUNT" })).toBe(4);
    expect(figure(all, [], { statistic: "P50" })).toBe(121.5);
    expect(figure(all, [], { statistic: "P90" })).toBe(154.2);
    expect(figure(all, [], { statistic: "MEAN" })).toBe(125.75);
  });

  it("§4 volumes: BF 2 declarations, 66.5 t, CIF 38 200 000, 5 TEU; NE 27 t, 14 850 000, 2 TEU; ML 21 t, 33 600 000, 2 TEU; TG nothing", async () => {
    const rows = await rowsOf("VolumesByCountry");
    const volumes = (country: string) => ["TONNES", "DECLARATIONS", "CIF_VALUE", "TEU"].map((measure) => figure(rows, [country], { measure }));
    expect(volumes("BF")).toEqual([66.5, 2, 38_200_000, 5]);
    expect(volumes("NE")).toEqual([27, 1, 14_850_000, 2]);
    expect(volumes("ML")).toEqual([21, 1, 33_600_000, 2]);
    // D4 ends D1: counted again, BF would show 3 declarations and 111 t.
    expect(rowOf(rows, ["TG"])).toBeUndefined();
  });

  it("§5 customs release: BF three releases, p50 25 h, p90 29 h; NE 22 h; ML 26 h", async () => {
    const rows = await rowsOf("CustomsReleaseByCountry");
    expect(figure(rows, ["BF"], { statistic: "COUNT" })).toBe(3);
    expect(figure(rows, ["BF"], { statistic: "P50" })).toBe(25);
    expect(figure(rows, ["BF"], { statistic: "P90" })).toBe(29);
    expect(figure(rows, ["NE"], { statistic: "P50" })).toBe(22);
    expect(figure(rows, ["ML"], { statistic: "P50" })).toBe(26);
  });

  it("§6 customs revenue: BF 4 477 750 (D4 4 224 750 + D5's RS 253 000), TG 148 500, NE and ML nothing", async () => {
    const byCountry = await rowsOf("CustomsRevenueByCountryAndTax", "byCountry");
    expect(figure(byCountry, ["BF"])).toBe(4_477_750);
    expect(figure(byCountry, ["TG"])).toBe(148_500);
    // EXPECTED says 0; the API has no revenue row for them at all (a gap, see docs/api.md).
    expect(figure(byCountry, ["NE"]) ?? 0).toBe(0);
    expect(figure(byCountry, ["ML"]) ?? 0).toBe(0);
    const byTax = await rowsOf("CustomsRevenueByCountryAndTax", "byTaxCode");
    expect(figure(byTax, ["BF", "DD"])).toBe(1_290_000);
    expect(figure(byTax, ["BF", "RS"])).toBe(129_000 + 253_000);
    expect(figure(byTax, ["BF", "PCS"])).toBe(129_000);
    expect(figure(byTax, ["BF", "PC"])).toBe(64_500);
    expect(figure(byTax, ["BF", "TVA"])).toBe(2_612_250);
    expect(figure(byTax, ["TG", "RS"])).toBe(148_500);
  });

  it("§7 corridor transit: TG-BF-OUA 3 trucks, p50 67 h, p90 68.6 h; TG-NE-KAN 97 h; TG-ML-HER 146 h", async () => {
    const rows = await rowsOf("CorridorTransitByRoute");
    expect(figure(rows, ["TG-BF-OUA"], { statistic: "COUNT" })).toBe(3);
    expect(figure(rows, ["TG-BF-OUA"], { statistic: "P50" })).toBe(67);
    expect(figure(rows, ["TG-BF-OUA"], { statistic: "P90" })).toBe(68.6);
    expect(figure(rows, ["TG-NE-KAN"], { statistic: "P50" })).toBe(97);
    expect(figure(rows, ["TG-ML-HER"], { statistic: "P50" })).toBe(146);
  });

  it("§8 border crossings: TGCIN>BFCIN 4, p50 13.25 h, p90 16.65 h; BFKAN>NEMAK 18 h; BFKOL>MLHER 14 h; BFCIN>TGCIN 11 h", async () => {
    const rows = await rowsOf("BorderCrossingsByBorder");
    expect(figure(rows, ["TGCIN>BFCIN"], { statistic: "COUNT" })).toBe(4);
    expect(figure(rows, ["TGCIN>BFCIN"], { statistic: "P50" })).toBe(13.25);
    expect(figure(rows, ["TGCIN>BFCIN"], { statistic: "P90" })).toBe(16.65);
    expect(figure(rows, ["BFKAN>NEMAK"], { statistic: "P50" })).toBe(18);
    expect(figure(rows, ["BFKOL>MLHER"], { statistic: "P50" })).toBe(14);
    expect(figure(rows, ["BFCIN>TGCIN"], { statistic: "P50" })).toBe(11);
  });

  it("§9 port charges: BF THC 402 000, PORT_DUES 82 325, total 484 325; NE PCJ_LEVY 20 000; ML THC 178 000; unallocated pilotage 1 607 095", async () => {
    const byFee = await rowsOf("PortChargesByCountryAndFee", "byFee");
    expect(figure(byFee, ["BF", "THC"])).toBe(402_000);
    expect(figure(byFee, ["BF", "PORT_DUES"])).toBe(82_325);
    expect(figure(byFee, ["NE", "PCJ_LEVY"])).toBe(20_000);
    expect(figure(byFee, ["ML", "THC"])).toBe(178_000);
    expect(figure(byFee, ["", "PILOTAGE"])).toBe(1_607_095);
    const byCountry = await rowsOf("PortChargesByCountryAndFee", "byCountry");
    expect(figure(byCountry, ["BF"])).toBe(484_325);
    expect(figure(byCountry, [""])).toBe(1_607_095);
    const top = await rowsOf("TopPortChargeLines");
    expect(top.map((r) => [(r.dimensions ?? []).map((d) => d.value), r.cells[0]?.value])).toEqual([
      [["", "PILOTAGE"], 1_607_095],
      [["BF", "THC"], 402_000],
    ]);
  });

  it("the overview adds them up: 114.5 t, 4 declarations, CIF 86 650 000, revenue 4 626 250, port charges 2 289 420; dwell p50 121.5 h, ship waiting p50 10.25 h", async () => {
    const body = (await answerTo("OctoberOverview")) as { data: { overview: { kpis: { labelEn: string; value: number | null }[] } } };
    const kpi = (label: string) => body.data.overview.kpis.find((k) => k.labelEn === label)?.value;
    expect(kpi("Declared tonnes")).toBe(66.5 + 27 + 21);
    expect(kpi("Declared TEU")).toBe(5 + 2 + 2);
    expect(kpi("Declarations")).toBe(2 + 1 + 1);
    expect(kpi("CIF value")).toBe(38_200_000 + 14_850_000 + 33_600_000);
    expect(kpi("Customs revenue")).toBe(4_477_750 + 148_500);
    expect(kpi("Port charges")).toBe(484_325 + 20_000 + 178_000 + 1_607_095);
    expect(kpi("Median port dwell")).toBe(121.5);
    expect(kpi("Median ship waiting")).toBe(10.25);
  });

  it("countryFigures gives each country's own: BF 66.5 t, 4 477 750, 484 325, dwell 149, release 25, transit 67; NE 27 t, 20 000, 107, 22, 97; ML 21 t, 178 000, 98, 26, 146", async () => {
    type Figures = Record<string, { value: number | null } | string>;
    const body = (await answerTo("CountryFiguresOctober")) as { data: { countryFigures: { countries: Figures[] } } };
    const of = (country: string) => {
      const entry = body.data.countryFigures.countries.find((c) => c.country === country) as Figures;
      return ["tonnes", "customsRevenue", "portCharges", "portDwellP50", "customsReleaseP50", "corridorTransitP50"].map((f) => (entry[f] as { value: number | null }).value);
    };
    expect(of("BF")).toEqual([66.5, 4_477_750, 484_325, 149, 25, 67]);
    // Revenue: EXPECTED's 0 for NE and ML comes back as a gap (null).
    expect(of("NE").map((v, i) => (i === 1 ? (v ?? 0) : v))).toEqual([27, 0, 20_000, 107, 22, 97]);
    expect(of("ML").map((v, i) => (i === 1 ? (v ?? 0) : v))).toEqual([21, 0, 178_000, 98, 26, 146]);
    expect(of("TG")[1]).toBe(148_500);
    expect(of("")[2]).toBe(1_607_095);
  });

  it("by week: 4 trucks arrived in the week of 7 October (transit p50 of 62.5, 67, 69, 97 h is 68 h), 1 in the week of 21 October (146 h), none in the others", async () => {
    const rows = await rowsOf("WeeklyTrucksWithGaps");
    const weeks = rows.map((r) => [r.bucket, ...r.cells.map((c) => c.value)]);
    expect(weeks).toEqual([
      ["2024-09-30", null, null],
      ["2024-10-07", 4, 68],
      ["2024-10-14", null, null],
      ["2024-10-21", 1, 146],
      ["2024-10-28", null, null],
    ]);
  });

  it("week of 14 October against the week before: dwell K4 98 h against K1, K2, K3 (p50 136 h); tonnes D3 21 t against D5 22 t", async () => {
    const body = (await answerTo("DwellWeekOverWeek")) as { data: { metrics: { rows: { cells: { measure: string; statistic: string; value: number; previous: number; previousChange: number; yearAgo: number | null }[] }[] } } };
    const cells = body.data.metrics.rows[0]?.cells ?? [];
    const dwell = cells.find((c) => c.measure === "PORT_DWELL" && c.statistic === "P50");
    expect([dwell?.value, dwell?.previous, dwell?.yearAgo]).toEqual([98, 136, null]);
    expect(dwell?.previousChange).toBeCloseTo((98 - 136) / 136, 6);
    const count = cells.find((c) => c.measure === "PORT_DWELL" && c.statistic === "COUNT");
    expect([count?.value, count?.previous]).toEqual([1, 3]);
    const tonnes = cells.find((c) => c.measure === "TONNES");
    expect([tonnes?.value, tonnes?.previous]).toEqual([21, 22]);
    expect(tonnes?.previousChange).toBeCloseTo((21 - 22) / 22, 6);
  });

  it("imports by HS chapter: rice (10) 44.5 t and 12 900 000, tyres (40) 21 t and 33 600 000, steel (72) 27 t and 14 850 000; the cotton export is filtered out", async () => {
    const rows = await rowsOf("ImportsByHsChapter");
    expect(rows.map((r) => [(r.dimensions ?? [])[0]?.value, ...r.cells.map((c) => c.value)])).toEqual([
      ["10", 44.5, 12_900_000],
      ["40", 21, 33_600_000],
      ["72", 27, 14_850_000],
    ]);
  });

  it("single guarantee at 0.25 % of CIF: BF 2 guarantees per declaration, ML and NE 3", async () => {
    const body = (await answerTo("SingleGuaranteeSavings")) as { data: { guaranteeSavings: { rows: { country: string; currentGuaranteesXof: number; singleGuaranteeXof: number; savingXof: number }[] } } };
    const row = (country: string) => {
      const r = body.data.guaranteeSavings.rows.find((x) => x.country === country);
      return [r?.currentGuaranteesXof, r?.singleGuaranteeXof, r?.savingXof];
    };
    expect(row("BF")).toEqual([2 * 95_500, 95_500, 95_500]); // 38 200 000 × 0.25 %
    expect(row("ML")).toEqual([3 * 84_000, 84_000, 2 * 84_000]); // 33 600 000 × 0.25 %
    expect(row("NE")).toEqual([3 * 37_125, 37_125, 2 * 37_125]); // 14 850 000 × 0.25 %
  });

  it("tariff scenario: D4's rice duty 1 290 000 on 12 900 000 becomes 1 935 000 at 15 %, and VAT 18 % of the 645 000 more", async () => {
    const body = (await answerTo("DutyBandTenToFifteen")) as { data: { tariffScenario: { rows: { country: string; hsChapter: string; currentDutyXof: number; scenarioDutyXof: number; vatEffectXof: number; totalChangeXof: number }[] } } };
    const [row] = body.data.tariffScenario.rows;
    expect([row?.country, row?.hsChapter, row?.currentDutyXof, row?.scenarioDutyXof, row?.vatEffectXof, row?.totalChangeXof]).toEqual(["BF", "10", 1_290_000, 1_935_000, 116_100, 645_000 + 116_100]);
  });
});

describe("the doc's other promises", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, sample.server.url), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("refuses a query without credentials (401 UNAUTHENTICATED) and answers one with an API key created as shown", async () => {
    const stranger = await post("graphql", { query: "{ measures { name } }" });
    expect(stranger.status).toBe(401);
    expect(((await stranger.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    const created = await post("graphql", { query: 'mutation { createApiKey(input: { name: "notebook", expiresInDays: 365 }) { key info { id expiresAt } } }' }, { cookie: sample.cookie });
    const key = ((await created.json()) as { data: { createApiKey: { key: string } } }).data.createApiKey.key;
    expect(key).toMatch(/^ck_/u);
    const withKey = await post("graphql", { query: "{ measures { name unit } }" }, { authorization: `Bearer ${key}` });
    expect(withKey.status).toBe(200);
    expect(((await withKey.json()) as { data: { measures: unknown[] } }).data.measures.length).toBeGreaterThan(0);
  });

  it("exports the CSV shown: text/csv in UTF-8 with a byte order mark, French by default (BF dwell p50 149 h, p90 159.4 h)", async () => {
    const query = { measures: [{ measure: "PORT_DWELL", statistics: ["P50", "P90"] }], dimensions: ["COUNTRY"], period: { from: "2024-10-01", to: "2024-11-01" } };
    expect(await post("api/metrics.csv", { query }).then((r) => r.status)).toBe(401);
    const response = await post("api/metrics.csv", { query }, { cookie: sample.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3)).split("\r\n").filter(Boolean);
    expect(lines.slice(1)).toContain("BF;Burkina Faso;149;159,4");
    const shown = /^### Exporter[^\n]*\n[\s\S]*?```text\n([\s\S]*?)```/mu.exec(doc)?.[1];
    expect(shown?.split("\n").filter(Boolean)).toEqual(lines);
  });
});
