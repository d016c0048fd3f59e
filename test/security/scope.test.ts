import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credentials } from "../support/spawn-server.js";
import { SAMPLES_DIR, startSampleServer, type SampleServer } from "../support/sample-server.js";
import { codeOf, createAccount, createKey, csv, expectServing, gql, OCTOBER } from "./support.js";

// Country scope on every entry point, for the dashboard (session cookie) and
// for scripts (API key): a user scoped to BF sees BF's detail and only the
// totals of the other countries. On the samples (EXPECTED.md), October 2024
// declared tonnes are BF 66.5 (HS chapters 10 and 52), ML 21 (chapter 40),
// NE 27 (chapter 72).

let sample: SampleServer;
let admin: string;
/** The dashboard of a BF ministry (session) and an analyst's script scoped to BF (API key). */
const scoped: Record<string, Credentials> = {};
let operatorBf: string;

beforeAll(async () => {
  sample = await startSampleServer();
  admin = sample.cookie;
  const url = sample.server.url;
  scoped.session = { cookie: await createAccount(url, admin, { login: "ministere.bf", role: "MINISTRY", country: "BF" }) };
  const analyst = await createAccount(url, admin, { login: "analyste.bf", role: "ANALYST", country: "BF" });
  scoped.key = { bearer: (await createKey(url, { cookie: analyst }, "script bf")).key };
  operatorBf = await createAccount(url, admin, { login: "operateur.bf", role: "OPERATOR", country: "BF" });
});
afterAll(async () => {
  await sample?.stop();
});

const url = () => sample.server.url;
const METRICS = "query($q: MetricQueryInput!) { metrics(query: $q) { rows { bucket dimensions { dimension value } cells { measure statistic value } } } }";
interface Rows {
  metrics: { rows: { bucket: string | null; dimensions: { dimension: string; value: string }[]; cells: { value: number | null }[] }[] };
}
const tonnes = (extra: Record<string, unknown>) => ({ measures: [{ measure: "TONNES" }], period: OCTOBER, ...extra });
const CREDENTIALS = ["session", "key"] as const;

/** The questions that are BF's detail or another country's detail: each must be refused to a BF-scoped user. */
const DETAIL_OF_OTHERS: Record<string, Record<string, unknown>> = {
  "split by HS_CHAPTER, no country filter": tonnes({ dimensions: ["HS_CHAPTER"] }),
  "split by HS_CHAPTER for ML": tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["ML"] }] }),
  "split by HS_CHAPTER and COUNTRY": tonnes({ dimensions: ["COUNTRY", "HS_CHAPTER"] }),
  "split by HS_CHAPTER for BF and ML": tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["BF", "ML"] }] }),
  "split by HS_CHAPTER, excluding BF's neighbours": tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["ML", "NE"], exclude: true }] }),
  "filtered on one consignee, no split": tonnes({ filters: [{ dimension: "CONSIGNEE", values: ["ML0330912"] }] }),
  "split by CONSIGNEE": tonnes({ dimensions: ["CONSIGNEE"] }),
  "dwell split by TERMINAL (country-specific measure)": { measures: [{ measure: "PORT_DWELL" }, { measure: "SHIP_CALLS" }], dimensions: ["TERMINAL"], period: OCTOBER },
};

describe("metrics (GraphQL)", () => {
  it.each(CREDENTIALS)("refuses another country's detail with FORBIDDEN and no data (%s)", async (via) => {
    for (const [name, q] of Object.entries(DETAIL_OF_OTHERS)) {
      const answer = await gql(url(), METRICS, { q }, scoped[via]);
      expect(answer.status, name).toBe(200);
      expect(codeOf(answer), name).toBe("FORBIDDEN");
      expect(answer.body?.data ?? null, name).toBeNull();
      expect(answer.text, name).not.toMatch(/ML0330912|"40"|"72"/u);
    }
    await expectServing(sample.server, admin);
  });

  it.each(CREDENTIALS)("gives BF's own detail when the query keeps only BF, and nothing of the others (%s)", async (via) => {
    const own = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["BF"] }] }) }, scoped[via]);
    expect(own.body?.errors).toBeUndefined();
    const rows = own.body?.data?.metrics.rows ?? [];
    expect(rows.map((r) => [r.dimensions[0]?.value, r.cells[0]?.value])).toEqual([
      ["10", 44.5],
      ["52", 22],
    ]);
    // The same question from an unscoped administrator gives the same answer: nothing was hidden from BF's own detail.
    const adminAnswer = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["BF"] }] }) }, { cookie: admin });
    expect(adminAnswer.body?.data).toEqual(own.body?.data);
    const consignees = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["CONSIGNEE"], filters: [{ dimension: "COUNTRY", values: ["BF"] }] }) }, scoped[via]);
    expect(consignees.body?.data?.metrics.rows.map((r) => r.dimensions[0]?.value)).toEqual(["BF0045120", "CN0000001"]);
  });

  it.each(CREDENTIALS)("gives every country's totals when split only by COUNTRY and time (%s)", async (via) => {
    const totals = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["COUNTRY"] }) }, scoped[via]);
    expect(totals.body?.errors).toBeUndefined();
    expect(totals.body?.data?.metrics.rows.map((r) => [r.dimensions[0]?.value, r.cells[0]?.value])).toEqual([
      ["BF", 66.5],
      ["ML", 21],
      ["NE", 27],
    ]);
    const monthly = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["COUNTRY"], grain: "MONTH", filters: [{ dimension: "COUNTRY", values: ["ML"] }] }) }, scoped[via]);
    expect(monthly.body?.errors).toBeUndefined();
    expect(monthly.body?.data?.metrics.rows.map((r) => r.dimensions.map((d) => d.dimension))).toEqual([["COUNTRY"]]);
    const overall = await gql<Rows>(url(), METRICS, { q: tonnes({}) }, scoped[via]);
    expect(overall.body?.data?.metrics.rows[0]?.cells[0]?.value).toBe(114.5);
    // Port-wide figures belong to no country: their detail is nobody's.
    const calls = await gql<Rows>(url(), METRICS, { q: { measures: [{ measure: "SHIP_CALLS" }], dimensions: ["TERMINAL"], period: OCTOBER } }, scoped[via]);
    expect(calls.body?.errors).toBeUndefined();
  });
});

describe("typed entry points and policy views (GraphQL)", () => {
  const OVERVIEW = "query($p: PeriodInput!, $c: [String!]) { overview(period: $p, countries: $c) { kpis { measure statistic value previous yearAgo trend { bucket value } } } }";
  const FIGURES = "query($p: PeriodInput!, $c: [String!]) { countryFigures(period: $p, countries: $c) { countries { country tonnes { value } declarations { value } cifValue { value } customsRevenue { value } portDwellP50 { value } } } }";
  const GUARANTEES = "query($p: PeriodInput!, $c: [String!]) { guaranteeSavings(period: $p, countries: $c) { rows { country month declarations cifXof savingXof } totals { declarations savingXof } } }";
  const SCENARIO = "query($p: PeriodInput!, $c: [String!]) { tariffScenario(period: $p, bands: [{ fromRate: 0.1, toRate: 0.15 }], countries: $c) { rows { country hsChapter baseXof dutyChangeXof } totals { dutyChangeXof } } }";

  it.each(CREDENTIALS)("overview, countryFigures and guaranteeSavings give totals by country and time: the same answer as an administrator's (%s)", async (via) => {
    for (const [document, countries] of [
      [OVERVIEW, null],
      [OVERVIEW, ["ML"]],
      [FIGURES, null],
      [FIGURES, ["NE"]],
      [GUARANTEES, null],
      [GUARANTEES, ["ML"]],
    ] as const) {
      const mine = await gql(url(), document, { p: OCTOBER, c: countries }, scoped[via]);
      expect(mine.body?.errors, `${document} ${countries}`).toBeUndefined();
      const theirs = await gql(url(), document, { p: OCTOBER, c: countries }, { cookie: admin });
      expect(mine.body?.data).toEqual(theirs.body?.data);
      // Nothing below country level: no HS chapter, consignee or office code in the answer.
      expect(mine.text).not.toMatch(/hsChapter|CONSIGNEE|BF0045120|ML0330912|NE0007731/u);
    }
  });

  it.each(CREDENTIALS)("tariffScenario (split by HS chapter) is refused unless it asks for BF only (%s)", async (via) => {
    for (const countries of [null, [], ["ML"], ["BF", "ML"], ["NE"]]) {
      const answer = await gql(url(), SCENARIO, { p: OCTOBER, c: countries }, scoped[via]);
      expect(codeOf(answer), JSON.stringify(countries)).toBe("FORBIDDEN");
      expect(answer.body?.data ?? null).toBeNull();
    }
    const own = await gql<{ tariffScenario: { rows: { country: string; hsChapter: string }[] } }>(url(), SCENARIO, { p: OCTOBER, c: ["BF"] }, scoped[via]);
    expect(own.body?.errors).toBeUndefined();
    expect(own.body?.data?.tariffScenario.rows.map((r) => r.country)).toEqual(["BF"]);
    await expectServing(sample.server, admin);
  });
});

describe("the port dwell histogram (GraphQL)", () => {
  const HISTOGRAM = "query($p: PeriodInput!, $c: [String!]) { portDwellHistogram(period: $p, countries: $c) { containers overflow } }";

  it.each(CREDENTIALS)("is refused for another country's containers, given for BF's and for the whole port (%s)", async (via) => {
    for (const countries of [["ML"], ["BF", "NE"]]) {
      const answer = await gql(url(), HISTOGRAM, { p: OCTOBER, c: countries }, scoped[via]);
      expect(codeOf(answer), JSON.stringify(countries)).toBe("FORBIDDEN");
      expect(answer.body?.data ?? null).toBeNull();
    }
    for (const countries of [["BF"], null]) {
      const mine = await gql(url(), HISTOGRAM, { p: OCTOBER, c: countries }, scoped[via]);
      expect(mine.body?.errors, JSON.stringify(countries)).toBeUndefined();
      expect(mine.body?.data).toEqual((await gql(url(), HISTOGRAM, { p: OCTOBER, c: countries }, { cookie: admin })).body?.data);
    }
  });
});

describe("CSV export", () => {
  it.each(CREDENTIALS)("answers 403 FORBIDDEN and no file for another country's detail (%s)", async (via) => {
    for (const [name, q] of Object.entries(DETAIL_OF_OTHERS)) {
      const answer = await csv(url(), q, scoped[via]);
      expect(answer.status, name).toBe(403);
      expect(codeOf(answer), name).toBe("FORBIDDEN");
      expect(answer.headers.get("content-type"), name).toMatch(/^application\/json/u);
      expect(answer.text, name).not.toMatch(/ML0330912|;40;|;72;/u);
    }
    await expectServing(sample.server, admin);
  });

  it.each(CREDENTIALS)("exports BF's own detail and every country's totals (%s)", async (via) => {
    const own = await csv(url(), tonnes({ dimensions: ["HS_CHAPTER"], filters: [{ dimension: "COUNTRY", values: ["BF"] }] }), scoped[via]);
    expect(own.status).toBe(200);
    const lines = own.text.replace(/^\uFEFF/u, "").trim().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(["10", "52"]);
    const totals = await csv(url(), tonnes({ dimensions: ["COUNTRY"] }), scoped[via]);
    expect(totals.status).toBe(200);
    expect(totals.text.replace(/^\uFEFF/u, "").trim().split("\r\n").slice(1).map((l) => l.split(";")[0])).toEqual(["BF", "ML", "NE"]);
  });
});

describe("uploads and quarantine", () => {
  it("a BF-scoped operator's upload answers with counts only, never the records of other countries", async () => {
    // Declarations of several countries, already loaded: the upload finds them duplicates.
    const name = "20241003T1800_TG_customs_batch1.xml";
    const contentBase64 = fs.readFileSync(path.join(SAMPLES_DIR, name)).toString("base64");
    const answer = await gql<{ uploadFile: Record<string, unknown> }>(
      url(),
      "mutation($n: String!, $c: String!) { uploadFile(fileName: $n, contentBase64: $c) { fileName feed status read loaded quarantined duplicates error } }",
      { n: name, c: contentBase64 },
      { cookie: operatorBf },
    );
    expect(answer.body?.errors).toBeUndefined();
    expect(Object.keys(answer.body?.data?.uploadFile ?? {}).sort()).toEqual(["duplicates", "error", "feed", "fileName", "loaded", "quarantined", "read", "status"]);
    expect(answer.text).not.toMatch(/ML0330912|NE0007731|<Declaration/u);
    // The duplicate load changed no figure.
    const totals = await gql<Rows>(url(), METRICS, { q: tonnes({ dimensions: ["COUNTRY"] }) }, { cookie: operatorBf });
    expect(totals.body?.data?.metrics.rows.map((r) => r.cells[0]?.value)).toEqual([66.5, 21, 27]);
    // And the operator's scope holds on its own questions too.
    expect(codeOf(await gql(url(), METRICS, { q: tonnes({ dimensions: ["HS_CHAPTER"] }) }, { cookie: operatorBf }))).toBe("FORBIDDEN");
  });

  it("a BF-scoped operator's list of quarantined records holds no other country's declaration", async () => {
    // One Malian declaration with an unreadable CIF value, delivered by an administrator: it is quarantined.
    const batch = fs.readFileSync(path.join(SAMPLES_DIR, "20241014T2000_BF_customs_batch.xml"), "latin1");
    const first = /<ASYCUDA>[\s\S]*?<\/ASYCUDA>/u.exec(batch)?.[0] ?? "";
    const malian = first
      .replace("<Customs_clearance_office_code>BFOUA<", "<Customs_clearance_office_code>MLBKO<")
      .replace("<Number>33817</Number>", "<Number>77001</Number>")
      .replace("<Code>BF0045120</Code>", "<Code>ML7700199</Code>")
      .replace(/<Total_CIF_itm>\d+<\/Total_CIF_itm>/u, "<Total_CIF_itm>douze millions</Total_CIF_itm>");
    const file = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<ASYCUDA_BATCH exported_at="2024-10-20T20:00:00Z">\n  ${malian}\n</ASYCUDA_BATCH>\n`;
    const upload = await gql<{ uploadFile: { status: string; quarantined: number } }>(
      url(),
      "mutation($n: String!, $c: String!) { uploadFile(fileName: $n, contentBase64: $c) { status quarantined } }",
      { n: "20241020T2000_ML_customs_batch.xml", c: Buffer.from(file, "latin1").toString("base64") },
      { cookie: admin },
    );
    expect(upload.body?.data?.uploadFile).toMatchObject({ quarantined: 1 });
    const QUARANTINE = '{ quarantine(feed: CUSTOMS_DECLARATIONS, limit: 100) { records { fileName recordKey raw detail } } }';
    // The administrator sees it, raw text and all.
    expect((await gql(url(), QUARANTINE, {}, { cookie: admin })).text).toContain("ML7700199");
    const scopedView = await gql(url(), QUARANTINE, {}, { cookie: operatorBf });
    expect(scopedView.status).toBeLessThan(500);
    expect(scopedView.text).not.toContain("ML7700199");
  });
});
