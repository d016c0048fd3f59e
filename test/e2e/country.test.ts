import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInteger, formatValue } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { card, kpiValue, signInThroughForm, summaryOf, watch } from "../support/page-checks.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";
import { graphql, TEST_ADMIN } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(root, "test-artifacts/screenshots");
const PERIOD = { from: "2024-10-01", to: "2024-11-01" };
const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;
const MINISTRY = { login: "ministere-bf", password: "ouagadougou-2024-corridor" };

let sample: SampleServer;
let browser: Browser;

/** Console errors, uncaught errors and requests to any other origin, as the page runs. */

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await graphql<T>(sample.server.url, query, variables, { cookie: sample.cookie });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data as T;
}

type Row = { dimensions: { value: string; labelFr: string | null }[]; cells: { measure: string; statistic: string; value: number | null }[] };
const METRIC = `query ($query: MetricQueryInput!) { metrics(query: $query) { rows { dimensions { value labelFr } cells { measure statistic value } } } }`;
const metrics = async (query: Record<string, unknown>) => (await api<{ metrics: { rows: Row[] } }>(METRIC, { query: { period: PERIOD, ...query } })).metrics.rows;
const only = (country: string) => [{ dimension: "COUNTRY", values: [country] }];

type Cell = { unit: string; value: number | null };
type Figures = Record<"tonnes" | "cifValue" | "declarations" | "teu" | "trucks" | "customsRevenue" | "portDwellP50" | "customsReleaseP50" | "corridorTransitP50" | "endToEndP50", Cell>;
const FIGURES = `query ($period: PeriodInput!, $countries: [String!]) { countryFigures(period: $period, countries: $countries) { countries { country ${["tonnes", "cifValue", "declarations", "teu", "trucks", "customsRevenue", "portDwellP50", "customsReleaseP50", "corridorTransitP50", "endToEndP50"].map((f) => `${f} { unit value }`).join(" ")} } } }`;
const figuresOf = async (country: string) => (await api<{ countryFigures: { countries: (Figures & { country: string })[] } }>(FIGURES, { period: PERIOD, countries: [country] })).countryFigures.countries[0] as Figures;

/** Tile label (French) → field of countryFigures. */
const TILES_FR: [string, keyof Figures][] = [
  ["Tonnes déclarées", "tonnes"],
  ["Valeur CAF déclarée", "cifValue"],
  ["Déclarations", "declarations"],
  ["EVP déclarés", "teu"],
  ["Camions arrivés", "trucks"],
  ["Recettes douanières perçues", "customsRevenue"],
  ["Séjour portuaire médian", "portDwellP50"],
  ["Dédouanement médian", "customsReleaseP50"],
  ["Transit médian sur le corridor", "corridorTransitP50"],
  ["Délai médian de bout en bout", "endToEndP50"],
];

async function downloadCsv(page: Page, title: RegExp): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), card(page, title).getByRole("button", { name: /CSV/u }).click()]);
  const text = fs.readFileSync((await download.path()) as string, "utf8").replace(/^\uFEFF/u, "");
  return text
    .trim()
    .split("\r\n")
    .map((line) => line.split(";"));
}
const JOURNEY = ["PORT_DWELL", "CUSTOMS_RELEASE", "CORRIDOR_TRANSIT", "BORDER_CROSSING", "END_TO_END"];

describe.runIf(runnable)("the country page in a browser, against the samples", () => {
  beforeAll(async () => {
    sample = await startSampleServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
  });

  it("shows a country's figures, journey, commodities, routes, borders, revenue and consignees as the API gives them, switches country and language, keeps its choices in the address", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, sample.server.url);
    // The menu's country page opens on Burkina Faso for an account with every country.
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Pays", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/pays/BF");
    await page.goto(new URL(`pays/BF?${QUERY}`, sample.server.url).href);
    await page.getByRole("heading", { level: 1, name: /Burkina Faso/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".data-as-of").waitFor();

    // Key figures: countryFigures for BF (EXPECTED.md: 66.5 t, CIF 38 200 000, 2 declarations, 5 TEU, revenue 4 477 750, dwell 149 h, release 25 h, transit 67 h).
    const bf = await figuresOf("BF");
    expect([bf.tonnes.value, bf.cifValue.value, bf.declarations.value, bf.teu.value, bf.customsRevenue.value, bf.portDwellP50.value, bf.customsReleaseP50.value, bf.corridorTransitP50.value]).toEqual([66.5, 38_200_000, 2, 5, 4_477_750, 149, 25, 67]);
    await page.locator(".kpi").first().waitFor();
    for (const [label, field] of TILES_FR) expect(await kpiValue(page, label)).toBe(formatValue(bf[field].value, bf[field].unit, "fr"));
    expect(await kpiValue(page, "Recettes douanières perçues")).toBe("4\u00A0477\u00A0750\u00A0FCFA");

    // The journey, stage by stage: the table under the bars holds the API's medians, P90 and counts.
    const journey = (await metrics({ measures: JOURNEY.map((measure) => ({ measure, statistics: ["P50", "P90", "COUNT"] })), filters: only("BF") }))[0]?.cells ?? [];
    const stat = (measure: string, statistic: string) => journey.find((c) => c.measure === measure && c.statistic === statistic)?.value ?? null;
    expect([stat("PORT_DWELL", "P50"), stat("PORT_DWELL", "P90"), stat("CUSTOMS_RELEASE", "P50"), stat("CUSTOMS_RELEASE", "P90"), stat("CORRIDOR_TRANSIT", "P50")]).toEqual([149, 159.4, 25, 29, 67]);
    await page.locator('.journey-table tr[data-stage="PORT_DWELL"]').waitFor();
    expect(await page.locator(".journey-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-stage")))).toEqual(JOURNEY);
    for (const measure of JOURNEY) {
      const row = page.locator(`.journey-table tr[data-stage="${measure}"]`);
      expect(await row.locator('[data-cell="p50"]').textContent()).toBe(formatValue(stat(measure, "P50"), "HOURS", "fr"));
      expect(await row.locator('[data-cell="p90"]').textContent()).toBe(formatValue(stat(measure, "P90"), "HOURS", "fr"));
      expect(await row.locator('[data-cell="count"]').textContent()).toBe(formatInteger(stat(measure, "COUNT") ?? 0, "fr"));
    }
    expect(await card(page, /^Le parcours, étape par étape/u).locator(".chart-subtitle").textContent()).toContain("ne s'additionnent pas");

    // Revenue by tax code: the chart's data (its CSV) is the API's, with the tax codes' names.
    const revenueTitle = /^Recettes douanières par taxe/u;
    const revenue = await metrics({ measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["TAX_CODE"], filters: only("BF"), orderBy: [{ measure: "CUSTOMS_REVENUE", descending: true }] });
    expect(revenue.map((r) => r.dimensions[0]?.value)).toEqual(["TVA", "DD", "RS", "PCS", "PC"]);
    await card(page, revenueTitle).locator(".recharts-bar-rectangle").first().waitFor();
    expect(await card(page, revenueTitle).locator(".recharts-bar-rectangle").count()).toBe(revenue.length);
    const csv = await downloadCsv(page, revenueTitle);
    expect(csv.slice(1).map((line) => [line[0], Number(line[2])])).toEqual(revenue.map((r) => [r.dimensions[0]?.value, r.cells[0]?.value]));
    expect(csv[2]?.[1]).toBe("Droit de douane (tarif extérieur commun)");
    expect(await summaryOf(page, revenueTitle)).toContain(`DD (Droit de douane (tarif extérieur commun)) ${formatValue(1_290_000, "XOF", "fr")}`);

    // Commodities by HS chapter, routes, borders and consignees: their text alternatives say the API's figures.
    const chapters = await metrics({ measures: [{ measure: "TONNES" }, { measure: "CIF_VALUE" }], dimensions: ["HS_CHAPTER"], filters: only("BF"), orderBy: [{ measure: "TONNES", descending: true }], limit: 10 });
    let said = await summaryOf(page, /^Marchandises par chapitre SH \(10 premiers\), en tonnes/u);
    expect(chapters.map((r) => r.dimensions[0]?.value)).toEqual(["10", "52"]);
    expect(said).toContain(`Céréales ${formatValue(chapters[0]?.cells[0]?.value ?? null, "TONNES", "fr")}`);
    expect(said).toContain(`Coton ${formatValue(chapters[1]?.cells[0]?.value ?? null, "TONNES", "fr")}`);
    const transit = await metrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90"] }], dimensions: ["ROUTE"], filters: only("BF") });
    said = await summaryOf(page, /^Transit par itinéraire/u);
    for (const r of transit) expect(said).toContain(`${formatValue(r.cells[0]?.value ?? null, "HOURS", "fr")}, P90 ${formatValue(r.cells[1]?.value ?? null, "HOURS", "fr")}`);
    const borders = await metrics({ measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90"] }], dimensions: ["BORDER"], filters: only("BF") });
    said = await summaryOf(page, /^Passage des frontières par poste/u);
    for (const r of borders) expect(said).toContain(`${formatValue(r.cells[0]?.value ?? null, "HOURS", "fr")}, P90 ${formatValue(r.cells[1]?.value ?? null, "HOURS", "fr")}`);
    const consignees = await metrics({ measures: [{ measure: "TONNES" }], dimensions: ["CONSIGNEE"], filters: only("BF"), orderBy: [{ measure: "TONNES", descending: true }], limit: 10 });
    said = await summaryOf(page, /^Les 10 premiers destinataires/u);
    // Consignees are named as their declarations name them (labels from fact_declarations).
    for (const r of consignees) expect(said).toContain(`${r.dimensions[0]?.labelFr ?? r.dimensions[0]?.value} ${formatValue(r.cells[0]?.value ?? null, "TONNES", "fr")}`);
    said = await summaryOf(page, /^Camions arrivés par itinéraire/u);
    expect(said).toContain("TG-BF-OUA 3\u00A0camions");
    await page.screenshot({ path: path.join(SCREENSHOTS, "country-fr-1280.png"), fullPage: true });

    // The switcher: Niger, the filters kept. Its figures are its own (EXPECTED.md: 27 t, CIF 14 850 000).
    await page.getByRole("navigation", { name: "Changer de pays" }).getByRole("link", { name: /Niger/u }).click();
    await page.waitForURL((u) => u.pathname === "/pays/NE" && u.searchParams.get("from") === PERIOD.from && u.searchParams.get("to") === PERIOD.to);
    await page.getByRole("heading", { level: 1, name: /Niger/u }).waitFor();
    const ne = await figuresOf("NE");
    await page.waitForFunction(`[...document.querySelectorAll(".kpi")].some((k) => k.textContent.includes("Tonnes déclarées") && k.querySelector(".kpi-value")?.textContent === ${JSON.stringify(formatValue(ne.tonnes.value, "TONNES", "fr"))})`);
    expect(await kpiValue(page, "Tonnes déclarées")).toBe("27,0\u00A0t");

    // The commodity charts by CIF value: the choice goes into the address.
    await page.getByRole("radio", { name: "Valeur CAF (FCFA)" }).check();
    await page.waitForURL((u) => u.searchParams.get("measure") === "cif");
    said = await summaryOf(page, /^Marchandises par section SH \(10 premières\), en valeur CAF/u);
    expect(said).toContain(formatValue(14_850_000, "XOF", "fr"));

    // A filter of the bar: imports only. It goes into the address; the journey says which stages cannot take it.
    await page.locator("select[name=dir]").selectOption("import");
    await page.waitForURL((u) => u.searchParams.get("dir") === "import" && u.searchParams.get("measure") === "cif");
    await card(page, /^Le parcours, étape par étape/u).locator(".chart-note", { hasText: "sens" }).waitFor();
    // The Countries filter cannot change a country page: it says so.
    await page.getByRole("checkbox", { name: "ML" }).check();
    await page.waitForURL((u) => u.searchParams.get("countries") === "ML");
    await page.getByText("le filtre Pays n'y change rien").waitFor();
    expect(await kpiValue(page, "Tonnes déclarées")).toBe("27,0\u00A0t");
    // Reloading the address restores everything.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Niger/u }).waitFor();
    expect(await page.locator("select[name=dir]").inputValue()).toBe("import");
    expect(await page.getByRole("radio", { name: "Valeur CAF (FCFA)" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "ML" }).isChecked()).toBe(true);
    await card(page, /^Le parcours, étape par étape/u).locator(".chart-note", { hasText: "sens" }).waitFor();

    // English, back on Burkina Faso with no filter: words and numbers in English.
    await page.goto(new URL(`pays/BF?${QUERY}`, sample.server.url).href);
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { name: "Key figures" }).waitFor();
    expect(page.url()).toContain("lang=en");
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 Oct 2024 – 31 Oct 2024");
    expect(await kpiValue(page, "Declared tonnes")).toBe("66.5\u00A0t");
    expect(await kpiValue(page, "Customs revenue collected")).toBe("4,477,750\u00A0FCFA");
    await page.locator('.journey-table tr[data-stage="PORT_DWELL"] [data-cell="p90"]', { hasText: "159.4" }).waitFor();
    expect(await summaryOf(page, /^Customs revenue per tax/u)).toContain("DD (Customs duty (common external tariff)) 1,290,000\u00A0FCFA");
    await page.screenshot({ path: path.join(SCREENSHOTS, "country-en-1280.png"), fullPage: true });

    // A phone: nothing wider than the screen but the tables' own scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, "country-en-360.png"), fullPage: true });
    await page.getByRole("button", { name: /Français/u }).click();
    await page.getByRole("heading", { name: "Chiffres clés" }).waitFor();
    await summaryOf(page, /^Recettes douanières par taxe/u);
    await page.screenshot({ path: path.join(SCREENSHOTS, "country-fr-360.png"), fullPage: true });

    // Signed out at first, GET /auth/me answers 401 and the browser logs it: expected, and the only error.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  }, 240_000);

  it("shows a ministry scoped to Burkina Faso its own detail, and only the totals of another country, with an explanation instead of an error", async () => {
    await api(`mutation ($input: NewUserInput!) { createUser(input: $input) { login } }`, { input: { login: MINISTRY.login, displayName: "Ministère (BF)", password: MINISTRY.password, role: "MINISTRY", country: "BF" } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, MINISTRY.login, MINISTRY.password, sample.server.url);
    // Role-based navigation: a ministry reads the dashboard and its reports, not the data operations nor the explorer.
    const nav = page.getByRole("navigation", { name: "Pages" });
    for (const name of ["Pays", "Corridor", "Rapports"]) expect(await nav.getByRole("link", { name, exact: true }).count()).toBe(1);
    for (const name of ["Données", "Explorateur"]) expect(await nav.getByRole("link", { name, exact: true }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Pays", exact: true }).getAttribute("href")).toMatch(/^\/pays\/BF/u);

    // Another country: the totals (key figures, the journey without a split) and a clear word where the detail is refused.
    await page.goto(new URL(`pays/NE?${QUERY}`, sample.server.url).href);
    await page.getByRole("heading", { level: 1, name: /Niger/u }).waitFor();
    await page.locator(".kpi").first().waitFor();
    expect(await kpiValue(page, "Tonnes déclarées")).toBe("27,0\u00A0t");
    const revenue = card(page, /^Recettes douanières par taxe/u);
    await revenue.getByText("Votre compte voit le détail de BF seulement. Pour Niger, seuls les chiffres clés (totaux) sont accessibles.").waitFor();
    expect(await revenue.getByRole("button", { name: "Réessayer" }).count()).toBe(0);
    await card(page, /^Les 10 premiers destinataires/u).getByText("Votre compte voit le détail de BF seulement", { exact: false }).waitFor();
    await page.locator('.journey-table tr[data-stage="PORT_DWELL"] [data-cell="p50"]', { hasText: "107,0" }).waitFor();

    // Its own country: every detail.
    await page.getByRole("navigation", { name: "Changer de pays" }).getByRole("link", { name: /Burkina Faso/u }).click();
    await page.waitForURL((u) => u.pathname === "/pays/BF");
    expect(await summaryOf(page, /^Recettes douanières par taxe/u)).toContain(`DD (Droit de douane (tarif extérieur commun)) ${formatValue(1_290_000, "XOF", "fr")}`);
    expect(await page.getByText("Votre compte voit le détail de BF seulement").count()).toBe(0);

    // The refusals are answers of the API (403 per chart), which the browser logs: expected, with the 401 of the first visit.
    expect(problems.filter((p) => !p.includes("401") && !p.includes("403"))).toEqual([]);
    await context.close();
  }, 120_000);
});
