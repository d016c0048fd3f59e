import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValue } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { card, kpiValue, signInThroughForm, summaryOf, watch } from "../support/page-checks.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";
import { graphql, TEST_ADMIN } from "../support/spawn-server.js";

// The overview, the page ministers open first: its headline figures and charts say what the API says
// for the same period and filters; the filters live in the address; French first, English on a switch;
// each role sees only its pages; without network the last figures stay, dated.

const runnable = browserTestsRunnable();
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(root, "test-artifacts/screenshots");
const PERIOD = { from: "2024-10-01", to: "2024-11-01" };
const PASSWORD = "un mot de passe assez long";

let sample: SampleServer;
let browser: Browser;

type Kpi = { labelFr: string; labelEn: string; unit: string; value: number | null };
type Row = { dimensions: { value: string; labelFr: string | null }[]; cells: { value: number | null }[] };
const OVERVIEW = "query ($period: PeriodInput!, $countries: [String!]) { overview(period: $period, countries: $countries) { kpis { labelFr labelEn unit value } } }";
const METRIC = "query ($query: MetricQueryInput!) { metrics(query: $query) { rows { dimensions { value labelFr } cells { value } } } }";

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await graphql<T>(sample.server.url, query, variables, { cookie: sample.cookie });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data as T;
}
const kpis = async (countries: string[] | null) => (await api<{ overview: { kpis: Kpi[] } }>(OVERVIEW, { period: PERIOD, countries })).overview.kpis;
const byCountry = async (measures: Record<string, unknown>[], countries: string[] | null = null) =>
  (await api<{ metrics: { rows: Row[] } }>(METRIC, { query: { measures, dimensions: ["COUNTRY"], period: PERIOD, ...(countries ? { filters: [{ dimension: "COUNTRY", values: countries }] } : {}) } })).metrics.rows;

async function expectKpis(page: Page, expected: Kpi[], language: "fr" | "en") {
  for (const k of expected) {
    const label = language === "fr" ? k.labelFr : k.labelEn;
    expect(await kpiValue(page, label), label).toBe(k.value === null ? (language === "fr" ? "pas de données" : "no data") : formatValue(k.value, k.unit, language));
  }
}

/** Before signing in, the page asks who is signed in and is told "nobody" (401): expected, and the only one allowed. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401 .*\/auth\/me\)$/u.test(p));

describe.runIf(runnable)("the overview in a browser, against the samples", () => {
  beforeAll(async () => {
    sample = await startSampleServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
  });

  it("shows the API's headline figures and charts, keeps a country filter in the address and after a reload, switches to English, and keeps the last figures when the network is gone", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page, new URL(sample.server.url).origin);
    const address = new URL(`?from=${PERIOD.from}&to=${PERIOD.to}`, sample.server.url).href;
    await page.goto(address);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password);
    await page.getByRole("heading", { level: 1, name: /Vue d'ensemble du corridor/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".kpi").first().waitFor();

    // Headline figures: every one the API's overview gives, formatted in French (EXPECTED.md: 114.5 t in October).
    const all = await kpis(null);
    expect(all.find((k) => k.labelFr === "Tonnes déclarées")?.value).toBe(114.5);
    await expectKpis(page, all, "fr");

    // The three charts: their text alternatives say the API's figures per country.
    const tonnes = await byCountry([{ measure: "TONNES" }], ["BF", "ML", "NE"]);
    let said = await summaryOf(page, /^Tonnes déclarées par pays AES/u);
    expect(tonnes.map((r) => r.dimensions[0]?.value).sort()).toEqual(["BF", "ML", "NE"]);
    for (const r of tonnes) expect(said).toContain(`${r.dimensions[0]?.labelFr} ${formatValue(r.cells[0]?.value ?? null, "TONNES", "fr")}`);
    const dwell = await byCountry([{ measure: "PORT_DWELL", statistics: ["P50", "P90"] }]);
    said = await summaryOf(page, /^Séjour portuaire des conteneurs par pays/u);
    for (const r of dwell) expect(said).toContain(`${r.dimensions[0]?.labelFr} ${formatValue(r.cells[0]?.value ?? null, "HOURS", "fr")}`);
    const revenue = await byCountry([{ measure: "CUSTOMS_REVENUE" }, { measure: "PORT_CHARGES" }]);
    said = await summaryOf(page, /^Recettes par pays : douane et port/u);
    expect(said).toContain("4\u00A0477\u00A0750\u00A0FCFA");
    for (const r of revenue) expect(said).toContain(`${r.dimensions[0]?.labelFr} ${formatValue(r.cells[0]?.value ?? null, "XOF", "fr")} et ${formatValue(r.cells[1]?.value ?? null, "XOF", "fr")}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "overview-fr-1280.png"), fullPage: true });

    // A filter: Burkina Faso only. It goes into the address, the figures follow, and a reload restores both.
    await page.getByRole("checkbox", { name: "BF" }).check();
    await page.waitForURL((u) => u.searchParams.get("countries") === "BF");
    const burkina = await kpis(["BF"]);
    expect(burkina.find((k) => k.labelFr === "Tonnes déclarées")?.value).toBe(66.5);
    await expect.poll(() => kpiValue(page, "Tonnes déclarées")).toBe(formatValue(66.5, "TONNES", "fr"));
    await expectKpis(page, burkina, "fr");
    await page.reload();
    await page.locator(".kpi").first().waitFor();
    expect(await page.getByRole("checkbox", { name: "BF" }).isChecked()).toBe(true);
    await expect.poll(() => kpiValue(page, "Tonnes déclarées")).toBe(formatValue(66.5, "TONNES", "fr"));
    await expectKpis(page, burkina, "fr");

    // English: the same figures with English labels and numbers; the language is in the address too.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /Corridor overview/u }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    await expectKpis(page, burkina, "en");
    await page.getByRole("checkbox", { name: "BF" }).uncheck();
    await page.waitForURL((u) => !u.searchParams.has("countries"));
    await expect.poll(() => kpiValue(page, "Declared tonnes")).toBe(formatValue(114.5, "TONNES", "en"));
    await summaryOf(page, /^Declared tonnes per AES country/u);
    await page.screenshot({ path: path.join(SCREENSHOTS, "overview-en-1280.png"), fullPage: true });
    expect(unexpected(problems)).toEqual([]);

    // The network goes: a question seen before (Burkina Faso) is answered from what the page kept, dated.
    await context.setOffline(true);
    await page.getByRole("checkbox", { name: "BF" }).check();
    const stale = page.locator(".kpis-section .stale-note");
    await stale.waitFor();
    expect(await stale.textContent()).toMatch(/^Offline: key figures received on /u);
    await expectKpis(page, burkina, "en");
    await context.setOffline(false);
    await context.close();
  });

  it("fits a 360 px phone in both languages, and shows each role only the pages it may open", async () => {
    for (const [login, role, country] of [["ministere.bf", "MINISTRY", "BF"], ["operateur", "OPERATOR", null], ["analyste", "ANALYST", null]] as const) {
      const created = await graphql(sample.server.url, "mutation($input: NewUserInput!) { createUser(input: $input) { login } }", { input: { login, displayName: login, role, country, password: PASSWORD } }, { cookie: sample.cookie });
      expect(created.body.errors).toBeUndefined();
    }
    const NAV: Record<string, string[]> = {
      ministere_bf: ["Vue d'ensemble", "Pays", "Corridor", "Port", "Recettes", "Rapports", "Compte"],
      operateur: ["Vue d'ensemble", "Pays", "Corridor", "Port", "Recettes", "Données", "Compte"],
      analyste: ["Vue d'ensemble", "Pays", "Corridor", "Port", "Recettes", "Compte", "Explorateur"],
    };
    for (const login of ["ministere.bf", "operateur", "analyste"]) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const problems = watch(page, new URL(sample.server.url).origin);
      await page.goto(new URL(`?from=${PERIOD.from}&to=${PERIOD.to}`, sample.server.url).href);
      await signInThroughForm(page, login, PASSWORD);
      expect(await page.locator(".site-nav a").allTextContents()).toEqual(NAV[login.replace(".", "_")]);
      await page.locator(".kpi").first().waitFor();
      if (login === "ministere.bf") {
        // Scoped to Burkina Faso: the overview still gives every country's totals, and says the scope.
        expect(await page.locator(".scope-note").textContent()).toContain("BF");
        await expect.poll(() => kpiValue(page, "Tonnes déclarées")).toBe(formatValue(114.5, "TONNES", "fr"));
        // Every chart draws its bars on the phone too.
        for (const title of [/^Tonnes déclarées par pays AES/u, /^Séjour portuaire des conteneurs par pays/u, /^Recettes par pays/u]) await card(page, title).locator(".recharts-bar-rectangle").first().waitFor();
        // Nothing past the phone's width but the tables' own scrolling frames.
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
        await page.screenshot({ path: path.join(SCREENSHOTS, "overview-fr-360.png"), fullPage: true });
        await page.getByRole("button", { name: /English/u }).click();
        await page.getByRole("heading", { level: 1, name: /Corridor overview/u }).waitFor();
        await summaryOf(page, /^Declared tonnes per AES country/u);
        await page.screenshot({ path: path.join(SCREENSHOTS, "overview-en-360.png"), fullPage: true });
        // A page the role may not open, reached by its address: refused in words, no figures.
        await page.goto(new URL("donnees", sample.server.url).href);
        await page.getByText("Your role does not give access to this page.").waitFor();
      }
      expect(unexpected(problems)).toEqual([]);
      await context.close();
    }
  });
});
