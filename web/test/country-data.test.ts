import { describe, expect, it } from "vitest";
import { commodityMeasureOf, countryOfPath, countryPath, countryTiles, explainForbidden, JOURNEY, journeyStages, labelledRows, shortCrossing, shorten, TILES, withCommodityMeasure, type TileField } from "../src/features/country/country-data";

const cell = (measure: string, statistic: string, value: number | null) => ({ measure, statistic, value });

describe("the country of the address", () => {
  it("is the code after /pays/, in any case; anything else names no country", () => {
    expect(countryOfPath("/pays/BF")).toBe("BF");
    expect(countryOfPath("/pays/ne/")).toBe("NE");
    for (const bad of ["/pays", "/pays/", "/pays/ZZ", "/pays/FR", "/pays/BF/x", "/", "/corridor"]) expect(countryOfPath(bad)).toBeNull();
    expect(countryPath("TG")).toBe("/pays/TG");
  });

  it("keeps the commodity measure beside the filters, tonnes by default", () => {
    const params = new URLSearchParams("from=2024-10-01&to=2024-11-01&lang=en");
    expect(commodityMeasureOf(params)).toBe("TONNES");
    const cif = withCommodityMeasure(params, "CIF_VALUE");
    expect(cif.toString()).toBe("from=2024-10-01&to=2024-11-01&lang=en&measure=cif");
    expect(commodityMeasureOf(cif)).toBe("CIF_VALUE");
    expect(withCommodityMeasure(cif, "TONNES").has("measure")).toBe(false);
    expect(commodityMeasureOf(new URLSearchParams("measure=nonsense"))).toBe("TONNES");
  });
});

describe("the journey, stage by stage", () => {
  it("puts the stages in journey order with their median, P90 and count, whatever order the cells come in", () => {
    // The samples, Burkina Faso, October 2024 (EXPECTED.md): dwell 149/159.4 h, release 25/29 h, transit 67/68.6 h.
    const stages = journeyStages([
      cell("END_TO_END", "P50", 217.333333),
      cell("CUSTOMS_RELEASE", "P50", 25),
      cell("CUSTOMS_RELEASE", "P90", 29),
      cell("CUSTOMS_RELEASE", "COUNT", 3),
      cell("PORT_DWELL", "P50", 149),
      cell("PORT_DWELL", "P90", 159.4),
      cell("PORT_DWELL", "COUNT", 2),
      cell("CORRIDOR_TRANSIT", "P50", 67),
      cell("CORRIDOR_TRANSIT", "P90", 68.6),
    ]);
    expect(stages.map((s) => s.measure)).toEqual([...JOURNEY]);
    expect(stages[0]).toEqual({ measure: "PORT_DWELL", p50: 149, p90: 159.4, count: 2 });
    expect(stages[1]).toEqual({ measure: "CUSTOMS_RELEASE", p50: 25, p90: 29, count: 3 });
    // No border crossing cell: a gap, never 0.
    expect(stages[3]).toEqual({ measure: "BORDER_CROSSING", p50: null, p90: null, count: null });
    expect(stages[4]?.p50).toBe(217.333333);
  });

  it("gives gaps for every stage when there is no row", () => {
    expect(journeyStages([]).every((s) => s.p50 === null && s.p90 === null && s.count === null)).toBe(true);
  });
});

describe("labelled rows for the bars", () => {
  const rows = [
    { dimensions: [{ value: "II", labelFr: "Produits du règne végétal", labelEn: "Vegetable products" }], cells: [{ value: 44.5 }, { value: 12_900_000 }] },
    { dimensions: [{ value: "XI", labelFr: "Matières textiles et ouvrages en ces matières", labelEn: "Textiles and textile articles" }], cells: [{ value: 22 }, { value: null }] },
    { dimensions: [{ value: "BF0045120", labelFr: null, labelEn: null }], cells: [{ value: 44.5 }] },
  ];

  it("carry the code, the full name in the language, a short axis label and a column per cell", () => {
    const fr = labelledRows(rows, ["tonnes", "cif"], "fr", { withCode: true, max: 28 });
    expect(fr[0]).toEqual({ key: "II", name: "Produits du règne végétal", label: "II Produits du règne végétal", tonnes: 44.5, cif: 12_900_000 });
    expect(fr[1]?.label).toBe("XI Matières textiles et…");
    expect(fr[1]?.label.length).toBeLessThanOrEqual(28);
    expect(fr[1]?.cif).toBeNull();
    expect(labelledRows(rows, ["tonnes"], "en")[1]?.name).toBe("Textiles and textile articles");
  });

  it("fall back on the code when the reference list has no name (consignees), or show the code only when asked", () => {
    const r = labelledRows(rows, ["tonnes", "cif"], "fr");
    expect(r[2]).toEqual({ key: "BF0045120", name: "BF0045120", label: "BF0045120", tonnes: 44.5, cif: null });
    expect(labelledRows(rows, ["tonnes"], "fr", { codeOnly: true })[0]?.label).toBe("II");
  });

  it("rename border crossings to their short office names", () => {
    const border = [{ dimensions: [{ value: "TGCIN>BFCIN", labelFr: "Cinkassé PCJ (côté Togo) → Cinkansé PCJ (côté Burkina Faso)", labelEn: "Cinkassé PCJ (côté Togo) → Cinkansé PCJ (côté Burkina Faso)" }], cells: [{ value: 13.25 }, { value: 16.65 }] }];
    expect(labelledRows(border, ["p50", "p90"], "fr", { rename: shortCrossing })[0]).toMatchObject({ key: "TGCIN>BFCIN", label: "Cinkassé PCJ → Cinkansé PCJ", p50: 13.25, p90: 16.65 });
    expect(shortCrossing("Kantchari → Makalondi")).toBe("Kantchari → Makalondi");
  });

  it("shorten at a word, with an ellipsis, only when too long", () => {
    expect(shorten("Droit de douane", 30)).toBe("Droit de douane");
    expect(shorten("Droit de douane (tarif extérieur commun)", 20)).toBe("Droit de douane…");
    expect(shorten("Abcdefghijklmnopqrstuvwxyz", 10)).toBe("Abcdefghi…");
  });
});

describe("the headline tiles", () => {
  const figure = (unit: string, value: number | null) => ({ measure: "X", statistic: "VALUE", unit, value, previousChange: 0.1, yearAgoChange: null });
  const labels = Object.fromEntries(TILES.map((f) => [f, `label ${f}`])) as Record<TileField, string>;

  it("come in the page's order, labelled, and say a longer time is bad news", () => {
    const tiles = countryTiles({ portDwellP50: figure("HOURS", 149), tonnes: figure("TONNES", 66.5), customsRevenue: figure("XOF", 4_477_750) }, labels);
    expect(tiles.map((t) => t.field)).toEqual(["tonnes", "customsRevenue", "portDwellP50"]);
    expect(tiles[0]).toEqual({ field: "tonnes", label: "label tonnes", unit: "TONNES", value: 66.5, previousChange: 0.1, yearAgoChange: null, higherIsBetter: true });
    expect(tiles[2]?.higherIsBetter).toBe(false);
  });

  it("keep a gap as a gap", () => {
    expect(countryTiles({ trucks: figure("TRUCKS", null) }, labels)[0]?.value).toBeNull();
  });
});

describe("a refused query", () => {
  it("is explained when the API says FORBIDDEN, and only then", () => {
    const retry = () => undefined;
    expect(explainForbidden({ status: "error", retry, code: "FORBIDDEN" }, "BF seulement")).toEqual({ status: "error", retry, code: "FORBIDDEN", message: "BF seulement" });
    expect(explainForbidden({ status: "error", retry, code: "INTERNAL" }, "BF seulement")).toEqual({ status: "error", retry, code: "INTERNAL" });
    expect(explainForbidden({ status: "ready", staleSince: null }, "x")).toEqual({ status: "ready", staleSince: null });
  });
});
