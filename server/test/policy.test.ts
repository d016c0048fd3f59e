import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlWarehouse, sampleFiles, type EtlWarehouse } from "../../etl/test/support/etl-warehouse.js";
import { guaranteeSavings, readGuaranteeGroups, type GuaranteeSavingsRequest } from "../src/metrics/policy/guarantee-savings.js";
import { readTariffGroups, tariffScenario, type TariffScenarioRequest } from "../src/metrics/policy/tariff-scenario.js";
import { MetricQueryError } from "../src/metrics/query/plan.js";

// The sample scenario of ../shared/samples (its copy in etl/test/fixtures/samples,
// byte for byte the same files), loaded through the real ETL into a warehouse
// of this process. Expected figures are worked by hand from the customs XML:
//
//   D1 TGLFW-2024-L-70412  IM8 → BF, route TG-BF-OUA (TGLFW>TGCIN>BFCIN>BFOUA: TG, BF = 2 countries),
//                          registered 03/10 09:00, CIF 12 900 000, Guarantee/Amount 4 224 750
//   D2 TGLFW-2024-L-70415  IM8 → NE, route TG-NE-KAN (TG, BF, NE = 3 countries),
//                          registered 03/10 11:30, CIF 14 850 000, Guarantee/Amount 4 714 875; RS 148 500 paid at Lomé
//   D3 TGLFW-2024-L-70498  IM8 → ML, route TG-ML-HER (TG, BF, ML = 3 countries),
//                          registered 15/10 08:00, CIF 33 600 000, Guarantee/Amount 13 977 600
//   D4 BFOUA-2024-C-33817  IM4 at Ouagadougou ending D1: not a transit, not counted in volumes;
//                          pays DD 10 % on 12 900 000 = 1 290 000 and TVA 18 % on 14 512 500 = 2 612 250 (chapter 10, rice)
//   D5 BFOUA-2024-E-5120   EX1 from BF on TG-BF-OUA run backwards (2 countries), registered 08/10 09:00,
//                          CIF 25 300 000, Guarantee/Amount 1 265 000; pays RS only
//
// Transit guarantee at 0.25 % per country (rate × CIF, rounded to the franc, per guarantee):
//   D1: 12 900 000 × 0.0025 = 32 250 per country; today 2 × 32 250 =  64 500; single 32 250; saving  32 250
//   D5: 25 300 000 × 0.0025 = 63 250 per country; today 2 × 63 250 = 126 500; single 63 250; saving  63 250
//   D2: 14 850 000 × 0.0025 = 37 125 per country; today 3 × 37 125 = 111 375; single 37 125; saving  74 250
//   D3: 33 600 000 × 0.0025 = 84 000 per country; today 3 × 84 000 = 252 000; single 84 000; saving 168 000
//   BF = D1 + D5: 2 declarations, 4 guarantees, CIF 38 200 000, today 191 000, single 95 500, saving 95 500 (share 0.5)
//   Totals: 4 declarations, 10 guarantees, CIF 86 650 000, today 554 375, single 216 625, saving 337 750
//           (share 337 750 ÷ 554 375 = 0.6092446 → 0.609245); recorded amounts 4 224 750 + 1 265 000 + 4 714 875 + 13 977 600 = 24 182 225

const OCTOBER = { from: "2024-10-01", to: "2024-11-01" };

let etl: EtlWarehouse;
let extraDir: string;
beforeAll(async () => {
  etl = await openEtlWarehouse();
  const summary = await etl.load(sampleFiles());
  expect(summary.totals.failed).toBe(0);
  extraDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-policy-"));
});
afterAll(async () => {
  await etl.close().catch(() => undefined);
  fs.rmSync(extraDir, { recursive: true, force: true });
});

const savings = (request: Partial<GuaranteeSavingsRequest> = {}) =>
  guaranteeSavings(etl.warehouse, { period: OCTOBER, timeZone: "Africa/Lome", rate: 0.0025, countries: [], ...request });

const scenario = (request: Partial<TariffScenarioRequest> = {}) =>
  tariffScenario(etl.warehouse, { period: OCTOBER, timeZone: "Africa/Lome", bands: [], chapters: [], recomputeVat: true, countries: [], ...request });

const figures = (declarations: number, guarantees: number, cif: number, current: number, single: number, recorded: number) => ({
  declarations,
  guarantees,
  cifXof: cif,
  currentGuaranteesXof: current,
  singleGuaranteeXof: single,
  savingXof: current - single,
  savingShare: Math.round(((current - single) / current) * 1e6) / 1e6,
  recordedDeclarations: declarations,
  recordedGuaranteeXof: recorded,
});

describe("guaranteeSavings on the sample scenario", () => {
  it("gives today's cost (one guarantee per country crossed) against one single guarantee, by country, for October 2024", async () => {
    const answer = await savings();
    expect(answer.rows).toEqual([
      // D1 + D5; recorded 4 224 750 + 1 265 000
      { country: "BF", month: "2024-10-01", figures: figures(2, 4, 38_200_000, 191_000, 95_500, 5_489_750) },
      { country: "ML", month: "2024-10-01", figures: figures(1, 3, 33_600_000, 252_000, 84_000, 13_977_600) },
      { country: "NE", month: "2024-10-01", figures: figures(1, 3, 14_850_000, 111_375, 37_125, 4_714_875) },
    ]);
    expect(answer.totals).toEqual({ ...figures(4, 10, 86_650_000, 554_375, 216_625, 24_182_225), savingShare: 0.609245 });
    expect(answer.rows[0]?.figures?.savingShare).toBe(0.5);
    expect(answer.rows[2]?.figures?.savingShare).toBe(0.666667);
  });

  it("returns the period's empty months as gaps (null), for every country that appears", async () => {
    const answer = await savings({ period: { from: "2024-09-01", to: "2024-12-01" } });
    expect(answer.rows.map((r) => [r.country, r.month, r.figures === null])).toEqual([
      ["BF", "2024-09-01", true],
      ["BF", "2024-10-01", false],
      ["BF", "2024-11-01", true],
      ["ML", "2024-09-01", true],
      ["ML", "2024-10-01", false],
      ["ML", "2024-11-01", true],
      ["NE", "2024-09-01", true],
      ["NE", "2024-10-01", false],
      ["NE", "2024-11-01", true],
    ]);
    expect(answer.totals.currentGuaranteesXof).toBe(554_375);
  });

  it("applies the rate asked for, exactly in decimals", async () => {
    // 0.003 is 0.00299999… in binary. BF: D1 12 900 000 × 0.003 = 38 700, D5 25 300 000 × 0.003 = 75 900;
    // today 2 × 38 700 + 2 × 75 900 = 229 200, single 114 600.
    const answer = await savings({ rate: 0.003, countries: ["BF"] });
    expect(answer.rows).toHaveLength(1);
    expect(answer.totals).toMatchObject({ declarations: 2, currentGuaranteesXof: 229_200, singleGuaranteeXof: 114_600, savingXof: 114_600, savingShare: 0.5 });
  });

  it("filters on countries", async () => {
    const answer = await savings({ countries: ["NE", "TG"] });
    // TG is asked for but has no transit declaration: it does not appear.
    expect(answer.rows.map((r) => r.country)).toEqual(["NE"]);
    expect(answer.totals).toMatchObject({ declarations: 1, currentGuaranteesXof: 111_375, singleGuaranteeXof: 37_125, savingXof: 74_250 });
  });

  it("reads the period's days in the query's time zone", async () => {
    // Lomé is UTC+0: 3 October holds D1 (09:00) and D2 (11:30).
    const lome = await savings({ period: { from: "2024-10-03", to: "2024-10-04" } });
    expect(lome.rows.map((r) => r.country)).toEqual(["BF", "NE"]);
    // Kiritimati is UTC+14: its 3 October runs from 2 October 10:00 to 3 October 10:00 UTC, so D1 only.
    const kiritimati = await savings({ period: { from: "2024-10-03", to: "2024-10-04" }, timeZone: "Pacific/Kiritimati" });
    expect(kiritimati.rows.map((r) => [r.country, r.month])).toEqual([["BF", "2024-10-01"]]);
    expect(kiritimati.totals).toMatchObject({ declarations: 1, cifXof: 12_900_000, currentGuaranteesXof: 64_500 });
  });
});

describe("tariffScenario on the sample scenario", () => {
  // The only DD line paid in October is D4's: BF collected 1 290 000 (10 % of 12 900 000) on chapter 10,
  // with VAT at 18 % on CIF + DD + RS + PCS + PC = 14 512 500 (the VAT base the file records).
  // D2's RS paid at Lomé and D5's RS are not DD; IM8 duties are suspended, not paid.
  it("moves the 10 % band to 12.5 % and recomputes VAT on the new base", async () => {
    const answer = await scenario({ bands: [{ fromRate: 0.1, toRate: 0.125 }] });
    // 12 900 000 × 12.5 % = 1 612 500; ΔDD 322 500; ΔVAT 18 % × 322 500 = 58 050; total 380 550.
    const row = { lines: 1, changedLines: 1, baseXof: 12_900_000, currentDutyXof: 1_290_000, scenarioDutyXof: 1_612_500, dutyChangeXof: 322_500, vatEffectXof: 58_050, totalChangeXof: 380_550 };
    expect(answer.rows).toEqual([{ country: "BF", hsChapter: "10", ...row }]);
    expect(answer.totals).toEqual(row);
  });

  it("leaves VAT alone when asked not to recompute it", async () => {
    const answer = await scenario({ bands: [{ fromRate: 0.1, toRate: 0.125 }], recomputeVat: false });
    expect(answer.totals).toMatchObject({ dutyChangeXof: 322_500, vatEffectXof: 0, totalChangeXof: 322_500 });
  });

  it("lets a chapter rate win over a band change", async () => {
    // Chapter 10 at 5 %: 645 000; ΔDD −645 000; ΔVAT 18 % × −645 000 = −116 100; total −761 100.
    const answer = await scenario({ bands: [{ fromRate: 0.1, toRate: 0.125 }], chapters: [{ chapter: "10", rate: 0.05 }] });
    expect(answer.totals).toMatchObject({ changedLines: 1, scenarioDutyXof: 645_000, dutyChangeXof: -645_000, vatEffectXof: -116_100, totalChangeXof: -761_100 });
  });

  it("changes nothing when no band or chapter matches", async () => {
    const answer = await scenario({ bands: [{ fromRate: 0.05, toRate: 0.075 }], chapters: [{ chapter: "40", rate: 0.35 }] });
    expect(answer.totals).toEqual({ lines: 1, changedLines: 0, baseXof: 12_900_000, currentDutyXof: 1_290_000, scenarioDutyXof: 1_290_000, dutyChangeXof: 0, vatEffectXof: 0, totalChangeXof: 0 });
  });

  it("belongs to the collecting administration: Togo collected no DD in October", async () => {
    const answer = await scenario({ bands: [{ fromRate: 0.1, toRate: 0.125 }], countries: ["TG"] });
    expect(answer.rows).toEqual([]);
    expect(answer.totals.lines).toBe(0);
  });
});

// Not part of the samples: one home-use declaration at Lomé, written here, so the
// scenario meets two chapters, two bands and an item without VAT.
//   item 1, chapter 40 (tyres), CIF 10 000 000: DD 20 % 2 000 000; RS 100 000; PC 50 000; PCS 80 000;
//           TVA 18 % on 10 000 000 + 2 000 000 + 100 000 + 50 000 + 80 000 = 12 230 000 → 2 201 400
//   item 2, chapter 30 (medicines), CIF 4 000 000: DD 0 % band (0); RS 40 000; no VAT line (exempt)
const HOME_USE = `<?xml version="1.0" encoding="UTF-8"?>
<ASYCUDA_BATCH exported_at="2024-10-21T06:00:00Z">
  <ASYCUDA>
    <Identification>
      <Office_segment><Customs_clearance_office_code>TGLFW</Customs_clearance_office_code></Office_segment>
      <Type><Type_of_declaration>IM</Type_of_declaration><Declaration_gen_procedure_code>4</Declaration_gen_procedure_code></Type>
      <Registration><Serial_number>C</Serial_number><Number>90001</Number><Date>2024-10-20</Date><Time>10:00</Time></Registration>
      <Receipt><Number>R 9901</Number><Date>2024-10-20</Date><Time>12:00</Time></Receipt>
      <Release><Date>2024-10-21</Date><Time>09:00</Time></Release>
    </Identification>
    <Traders><Consignee><Code>TG0001234</Code><Name>Pharma et Pneus du Golfe</Name></Consignee></Traders>
    <Item>
      <Tarification><HScode><Commodity_code>40111000</Commodity_code><Precision_1>00</Precision_1></HScode></Tarification>
      <Goods_description><Country_of_origin_code>TH</Country_of_origin_code><Description_of_goods>Pneumatiques neufs</Description_of_goods></Goods_description>
      <Valuation_item><Weight_itm><Gross_weight_itm>6000</Gross_weight_itm><Net_weight_itm>5900</Net_weight_itm></Weight_itm><Total_CIF_itm>10000000</Total_CIF_itm></Valuation_item>
      <Taxation>
        <Taxation_line><Duty_tax_code>DD</Duty_tax_code><Duty_tax_Base>10000000</Duty_tax_Base><Duty_tax_rate>20</Duty_tax_rate><Duty_tax_amount>2000000</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
        <Taxation_line><Duty_tax_code>RS</Duty_tax_code><Duty_tax_Base>10000000</Duty_tax_Base><Duty_tax_rate>1</Duty_tax_rate><Duty_tax_amount>100000</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
        <Taxation_line><Duty_tax_code>PC</Duty_tax_code><Duty_tax_Base>10000000</Duty_tax_Base><Duty_tax_rate>0.5</Duty_tax_rate><Duty_tax_amount>50000</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
        <Taxation_line><Duty_tax_code>PCS</Duty_tax_code><Duty_tax_Base>10000000</Duty_tax_Base><Duty_tax_rate>0.8</Duty_tax_rate><Duty_tax_amount>80000</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
        <Taxation_line><Duty_tax_code>TVA</Duty_tax_code><Duty_tax_Base>12230000</Duty_tax_Base><Duty_tax_rate>18</Duty_tax_rate><Duty_tax_amount>2201400</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
      </Taxation>
    </Item>
    <Item>
      <Tarification><HScode><Commodity_code>30049000</Commodity_code><Precision_1>00</Precision_1></HScode></Tarification>
      <Goods_description><Country_of_origin_code>IN</Country_of_origin_code><Description_of_goods>Médicaments</Description_of_goods></Goods_description>
      <Valuation_item><Weight_itm><Gross_weight_itm>800</Gross_weight_itm><Net_weight_itm>750</Net_weight_itm></Weight_itm><Total_CIF_itm>4000000</Total_CIF_itm></Valuation_item>
      <Taxation>
        <Taxation_line><Duty_tax_code>DD</Duty_tax_code><Duty_tax_Base>4000000</Duty_tax_Base><Duty_tax_rate>0</Duty_tax_rate><Duty_tax_amount>0</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
        <Taxation_line><Duty_tax_code>RS</Duty_tax_code><Duty_tax_Base>4000000</Duty_tax_Base><Duty_tax_rate>1</Duty_tax_rate><Duty_tax_amount>40000</Duty_tax_amount><Duty_tax_MP>1</Duty_tax_MP></Taxation_line>
      </Taxation>
    </Item>
  </ASYCUDA>
</ASYCUDA_BATCH>
`;

describe("with a home-use declaration of two chapters added", () => {
  beforeAll(async () => {
    const file = path.join(extraDir, "20241021T0600_TG_customs_home_use.xml");
    fs.writeFileSync(file, HOME_USE);
    const summary = await etl.load([file]);
    expect(summary.totals).toMatchObject({ read: 1, loaded: 1, quarantined: 0 });
  });

  it("moves two bands at once, VAT following per item", async () => {
    const answer = await scenario({ bands: [{ fromRate: 0.2, toRate: 0.1 }, { fromRate: 0, toRate: 0.05 }] });
    expect(answer.rows).toEqual([
      // D4, untouched: the 10 % band is not moved.
      { country: "BF", hsChapter: "10", lines: 1, changedLines: 0, baseXof: 12_900_000, currentDutyXof: 1_290_000, scenarioDutyXof: 1_290_000, dutyChangeXof: 0, vatEffectXof: 0, totalChangeXof: 0 },
      // 0 % → 5 %: 4 000 000 × 5 % = 200 000; the item pays no VAT, so no VAT effect.
      { country: "TG", hsChapter: "30", lines: 1, changedLines: 1, baseXof: 4_000_000, currentDutyXof: 0, scenarioDutyXof: 200_000, dutyChangeXof: 200_000, vatEffectXof: 0, totalChangeXof: 200_000 },
      // 20 % → 10 %: 1 000 000; ΔDD −1 000 000; ΔVAT 18 % × −1 000 000 = −180 000.
      { country: "TG", hsChapter: "40", lines: 1, changedLines: 1, baseXof: 10_000_000, currentDutyXof: 2_000_000, scenarioDutyXof: 1_000_000, dutyChangeXof: -1_000_000, vatEffectXof: -180_000, totalChangeXof: -1_180_000 },
    ]);
    expect(answer.totals).toEqual({ lines: 3, changedLines: 2, baseXof: 26_900_000, currentDutyXof: 3_290_000, scenarioDutyXof: 2_490_000, dutyChangeXof: -800_000, vatEffectXof: -180_000, totalChangeXof: -980_000 });
  });

  it("does not count a home-use declaration as a transit guarantee", async () => {
    expect((await savings()).totals).toMatchObject({ declarations: 4, currentGuaranteesXof: 554_375 });
  });
});

describe("input checks", () => {
  const rejects = async (work: Promise<unknown>, pattern: RegExp) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MetricQueryError);
    const message = (error as Error).message;
    // French first, then English.
    expect(message).toMatch(/^.+ \/ .+$/su);
    expect(message).toMatch(pattern);
  };

  it("refuses a bad period or time zone", async () => {
    await rejects(savings({ period: { from: "2024-13-01", to: "2024-11-01" } }), /AAAA-MM-JJ \/ period: YYYY-MM-DD/u);
    await rejects(savings({ period: { from: "2024-11-01", to: "2024-10-01" } }), /doit suivre .* must come after/u);
    await rejects(savings({ period: { from: "1990-01-01", to: "2024-10-01" } }), /20 ans .* 20 years/u);
    await rejects(savings({ timeZone: "Mars/Olympus_Mons" }), /fuseau horaire inconnu .* unknown time zone/u);
    await rejects(scenario({ bands: [{ fromRate: 0.1, toRate: 0.2 }], timeZone: "" }), /unknown time zone/u);
  });

  it("bounds the guarantee rate: 0 < rate ≤ 0.05", async () => {
    for (const rate of [0, -0.0025, 0.051, Number.NaN, Number.POSITIVE_INFINITY, 1e-10]) await rejects(savings({ rate }), /taux de garantie .* guarantee rate/u);
    await expect(savings({ rate: 0.05 })).resolves.toMatchObject({ rate: 0.05 });
  });

  it("wants two-letter country codes, at most 50", async () => {
    await rejects(savings({ countries: ["bf"] }), /deux lettres .* two-letter/u);
    await rejects(scenario({ bands: [{ fromRate: 0.1, toRate: 0.2 }], countries: ["BFA"] }), /two-letter/u);
    await rejects(savings({ countries: Array.from({ length: 51 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}`) }), /50 au plus .* at most 50/u);
  });

  it("checks the scenario: rates 0 to 1, at most 50 band changes, chapters 01 to 99, nothing twice", async () => {
    const band = (fromRate: number, toRate: number) => ({ fromRate, toRate });
    await rejects(scenario({ bands: [band(0.1, 1.5)] }), /bandes\[0\]\.toRate : taux entre 0 et 1 .* bands\[0\]\.toRate: rate between 0 and 1/u);
    await rejects(scenario({ bands: [band(-0.05, 0.1)] }), /bands\[0\]\.fromRate/u);
    await rejects(scenario({ bands: [band(0.1, Number.NaN)] }), /rate between 0 and 1/u);
    await rejects(scenario({ bands: Array.from({ length: 51 }, (_, i) => band(i / 100, 0.1)) }), /50 changements au plus .* at most 50 changes/u);
    await rejects(scenario({ bands: [band(0.05, 0.1), band(0.05, 0.2)] }), /bande 5 % est modifiée deux fois .* 5 % band is changed twice/u);
    for (const chapter of ["1", "00", "100", "ab", "1a", "", "10'"]) await rejects(scenario({ chapters: [{ chapter, rate: 0.1 }] }), /chapitres\[0\] : chapitre SH .* chapters\[0\]: two-digit HS chapter, 01 to 99/u);
    await rejects(scenario({ chapters: [{ chapter: "10", rate: 2 }] }), /chapters\[0\]\.rate/u);
    await rejects(scenario({ chapters: [{ chapter: "10", rate: 0.1 }, { chapter: "10", rate: 0.2 }] }), /chapitre 10 est donné deux fois .* chapter 10 is given twice/u);
    await rejects(scenario({}), /scénario vide .* empty scenario/u);
    // Fifty changes are allowed; 0 and 1 are valid rates.
    await expect(scenario({ bands: Array.from({ length: 50 }, (_, i) => band(i / 100, 1)) })).resolves.toBeTruthy();
    await expect(scenario({ chapters: [{ chapter: "99", rate: 0 }, { chapter: "01", rate: 1 }] })).resolves.toBeTruthy();
  });
});

describe("injection attempts", () => {
  const ATTACK = "'; DROP TABLE fact_declarations; --";
  const tableRows = async (table: "fact_declarations" | "fact_customs_revenue") => {
    const [row] = await etl.warehouse.query<{ n: string }>({ sql: `SELECT toString(count()) AS n FROM ${table}`, tag: "test:policy:count" });
    return Number(row?.n);
  };

  it("refuses them as arguments with a clean error", async () => {
    await expect(savings({ countries: [ATTACK] })).rejects.toBeInstanceOf(MetricQueryError);
    await expect(savings({ timeZone: ATTACK })).rejects.toBeInstanceOf(MetricQueryError);
    await expect(scenario({ chapters: [{ chapter: ATTACK, rate: 0.1 }] })).rejects.toBeInstanceOf(MetricQueryError);
    await expect(scenario({ bands: [{ fromRate: 0.1, toRate: 0.2 }], countries: [ATTACK], timeZone: ATTACK })).rejects.toBeInstanceOf(MetricQueryError);
  });

  it("treats them as plain values even past the checks: bound parameters, tables still there", async () => {
    expect(await readGuaranteeGroups(etl.warehouse, { period: OCTOBER, timeZone: "Africa/Lome", rate: 0.0025, countries: [ATTACK] })).toEqual([]);
    // A time zone is a value too: the engine refuses an unknown one, it never runs it.
    await expect(readGuaranteeGroups(etl.warehouse, { period: OCTOBER, timeZone: ATTACK, rate: 0.0025, countries: [] })).rejects.toThrow();
    const period = { period: { from: ATTACK, to: ATTACK }, timeZone: "Africa/Lome", recomputeVat: true, countries: [] };
    await expect(readTariffGroups(etl.warehouse, period, { bandFrom: [10], bandTo: [12.5], chapters: [], chapterTo: [] })).rejects.toThrow();
    const groups = await readTariffGroups(etl.warehouse, { ...period, period: OCTOBER, countries: [ATTACK, "BF"] }, { bandFrom: [], bandTo: [], chapters: ["'); DROP TABLE fact_customs_revenue; --"], chapterTo: [50] });
    // BF's one DD line, no chapter matched: unchanged.
    expect(groups.map((g) => [g.country, g.hs_chapter, g.changed_lines, Number(g.scenario_dd)])).toEqual([["BF", "10", "0", 1_290_000]]);
    expect(await tableRows("fact_declarations")).toBe(5); // D1, D2, D3, D5 and the home-use declaration
    expect(await tableRows("fact_customs_revenue")).toBeGreaterThan(0);
    expect((await savings()).totals.declarations).toBe(4);
  });
});
