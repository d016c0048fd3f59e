import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValue } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { card, kpiValue, summaryOf, watch } from "../support/page-checks.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";
import { graphql, TEST_ADMIN } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(root, "test-artifacts/screenshots");
const PERIOD = { from: "2024-10-01", to: "2024-11-01" };
const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;

let sample: SampleServer;
let browser: Browser;

/** Console errors, uncaught errors and requests to any other origin, as the page runs. */

type Metrics = { metrics: { rows: { dimensions: { value: string }[]; cells: { value: number | null }[] }[] } };
type Histogram = { portDwellHistogram: { containers: number; overflow: number; bins: { fromHours: number; toHours: number; containers: number }[] } };

const METRIC = `query ($query: MetricQueryInput!) { metrics(query: $query) { rows { dimensions { value } cells { value } } } }`;
const HISTOGRAM = `query ($period: PeriodInput!, $terminals: [String!]) { portDwellHistogram(period: $period, terminals: $terminals) { containers overflow bins { fromHours toHours containers } } }`;

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await graphql<T>(sample.server.url, query, variables, { cookie: sample.cookie });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data as T;
}

const metric = async (measure: string, statistics: string[] | null, extra: Record<string, unknown> = {}) => (await api<Metrics>(METRIC, { query: { measures: [{ measure, ...(statistics ? { statistics } : {}) }], period: PERIOD, ...extra } })).metrics.rows;
/** The histogram's bands as the text alternative says them, e.g. "96–120 h : 2 conteneurs". */
const bandsSaid = (histogram: Histogram, language: "fr" | "en") => {
  const int = (n: number) => new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB").format(n).replace(/\u202F/gu, "\u00A0");
  return histogram.portDwellHistogram.bins.filter((b) => b.containers > 0).map((b) => `${int(b.fromHours)}–${int(b.toHours)}\u00A0h${language === "fr" ? " :" : ":"} ${formatValue(b.containers, "CONTAINERS", language)}`);
};

describe.runIf(runnable)("the port page in a browser, against the samples", () => {
  beforeAll(async () => {
    sample = await startSampleServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
  });

  it("shows the API's port figures, the dwell histogram and ladder, keeps its choices and filters in the address and switches language", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await page.goto(sample.server.url);
    await page.getByLabel("Identifiant").fill(TEST_ADMIN.login);
    await page.getByLabel("Mot de passe").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.locator(".site-nav").waitFor();
    // Role-based navigation: the port page is in the menu, and opens from it.
    await page.getByRole("navigation").getByRole("link", { name: "Port", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Port de Lomé/u }).waitFor();
    await page.goto(new URL(`port?${QUERY}`, sample.server.url).href);
    await page.getByRole("heading", { level: 1, name: /Port de Lomé/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".data-as-of").waitFor();

    // Key figures: the general query's answers for the period (EXPECTED.md: waiting p50 10.25 h, turnaround 45 h, dwell 121.5 h).
    const [calls, teu, waiting, turnaround, dwell] = await Promise.all([metric("SHIP_CALLS", null), metric("TEU_HANDLED", null), metric("SHIP_WAITING", ["P50"]), metric("SHIP_TURNAROUND", ["P50"]), metric("PORT_DWELL", ["P50"])]);
    const value = (rows: Metrics["metrics"]["rows"]) => rows[0]?.cells[0]?.value ?? null;
    expect([value(waiting), value(turnaround), value(dwell)]).toEqual([10.25, 45, 121.5]);
    await page.locator(".kpi").first().waitFor();
    expect(await kpiValue(page, "Escales de navires")).toBe(formatValue(value(calls), "CALLS", "fr"));
    expect(await kpiValue(page, "EVP manutentionnés au quai")).toBe(formatValue(value(teu), "TEU", "fr"));
    expect(await kpiValue(page, "Attente médiane des navires")).toBe(formatValue(value(waiting), "HOURS", "fr"));
    expect(await kpiValue(page, "Rotation médiane des navires")).toBe("45,0\u00A0h");
    expect(await kpiValue(page, "Séjour portuaire médian")).toBe("121,5\u00A0h");

    // Terminals: the table holds the API's figures, terminal by terminal.
    const terminals = (await api<Metrics>(METRIC, { query: { measures: [{ measure: "SHIP_CALLS" }, { measure: "SHIP_WAITING", statistics: ["P50", "P90", "RELIABILITY"] }, { measure: "SHIP_TURNAROUND", statistics: ["P50", "P90", "RELIABILITY"] }, { measure: "TEU_HANDLED" }], dimensions: ["TERMINAL"], period: PERIOD } })).metrics.rows;
    expect(terminals.map((r) => r.dimensions[0]?.value)).toEqual(["LCT", "TTL"]);
    await page.locator('table[data-table="terminals"]').waitFor();
    const fields: [string, string][] = [["calls", "CALLS"], ["waitP50", "HOURS"], ["waitP90", "HOURS"], ["waitReliability", "RATIO"], ["turnP50", "HOURS"], ["turnP90", "HOURS"], ["turnReliability", "RATIO"], ["teu", "TEU"]];
    for (const row of terminals) {
      for (const [i, [field, unit]] of fields.entries()) {
        expect(await page.locator(`table[data-table="terminals"] tr[data-terminal="${row.dimensions[0]?.value}"] [data-field="${field}"]`).textContent()).toBe(formatValue(row.cells[i]?.value ?? null, unit, "fr"));
      }
    }

    // The histogram: containers per band, as portDwellHistogram counts them.
    const whole = await api<Histogram>(HISTOGRAM, { period: PERIOD });
    expect(whole.portDwellHistogram.containers).toBe(4);
    const histogramTitle = /^Répartition du séjour portuaire des conteneurs/u;
    let said = await summaryOf(page, histogramTitle);
    expect(said).toContain(`sur ${whole.portDwellHistogram.containers} conteneurs`);
    for (const band of bandsSaid(whole, "fr")) expect(said).toContain(band);
    await card(page, histogramTitle).locator(".recharts-bar-rectangle").first().waitFor();

    // The percentile ladder: P50, P90 and P95 of the whole port and per terminal.
    const ladderWhole = await metric("PORT_DWELL", ["COUNT", "P50", "P90", "P95"]);
    const ladderSplit = await metric("PORT_DWELL", ["COUNT", "P50", "P90", "P95"], { dimensions: ["TERMINAL"] });
    const ladder = await summaryOf(page, /^Séjour portuaire par terminal/u);
    for (const row of [...ladderWhole, ...ladderSplit]) expect(ladder).toContain([1, 2, 3].map((i) => formatValue(row.cells[i]?.value ?? null, "HOURS", "fr")).join(", "));
    expect(ladder).toContain("Lomé Container Terminal 136,0\u00A0h, 156,8\u00A0h, 159,4\u00A0h");
    await page.screenshot({ path: path.join(SCREENSHOTS, "port-fr-1280.png"), fullPage: true });

    // The histogram's choices go into the address: Lomé Container Terminal in bands of 12 h.
    const controls = page.locator(".histogram-controls");
    await controls.getByLabel("Terminal").selectOption("LCT");
    await controls.getByLabel("Largeur des classes").selectOption("12");
    await page.waitForURL((u) => u.searchParams.get("terminal") === "LCT" && u.searchParams.get("classe") === "12");
    const lct = await api<Histogram>(`query ($period: PeriodInput!) { portDwellHistogram(period: $period, terminals: ["LCT"], binHours: 12) { containers overflow bins { fromHours toHours containers } } }`, { period: PERIOD });
    await card(page, /— Lomé Container Terminal —/u).locator(".chart-figure").waitFor();
    said = await summaryOf(page, /— Lomé Container Terminal —/u);
    expect(said).toContain(`sur ${lct.portDwellHistogram.containers} conteneurs`);
    for (const band of bandsSaid(lct, "fr")) expect(said).toContain(band);

    // A filter of the bar: Niger only. The dwell follows it (NE: 107 h); ship figures are port-wide and say the filter does not apply.
    await page.getByRole("checkbox", { name: "NE" }).check();
    await page.waitForURL(/countries=NE/u);
    const niger = await metric("PORT_DWELL", ["P50"], { filters: [{ dimension: "COUNTRY", values: ["NE"] }] });
    await expect.poll(() => kpiValue(page, "Séjour portuaire médian"), { timeout: 15_000 }).toBe(formatValue(value(niger), "HOURS", "fr"));
    expect(await kpiValue(page, "Séjour portuaire médian")).toBe("107,0\u00A0h");
    expect(await card(page, /^Attente et rotation des navires : médiane et P90/u).locator(".chart-note").textContent()).toContain("pays");
    // Reloading the address restores the filter and the histogram's choices.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Port de Lomé/u }).waitFor();
    expect(await page.getByRole("checkbox", { name: "NE" }).isChecked()).toBe(true);
    expect(await page.locator(".histogram-controls select[name=terminal]").inputValue()).toBe("LCT");
    expect(await page.locator(".histogram-controls select[name=bin-hours]").inputValue()).toBe("12");
    await page.locator(".kpi").first().waitFor();
    expect(await kpiValue(page, "Séjour portuaire médian")).toBe("107,0\u00A0h");
    await page.goto(new URL(`port?${QUERY}`, sample.server.url).href);
    await page.locator('table[data-table="terminals"]').waitFor();

    // English: headings, labels and numbers in English.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /Port of Lomé/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 Oct 2024 – 31 Oct 2024");
    expect(await kpiValue(page, "Median port dwell")).toBe("121.5\u00A0h");
    expect(await kpiValue(page, "Median ship waiting")).toBe(formatValue(value(waiting), "HOURS", "en"));
    said = await summaryOf(page, /^Spread of container port dwell/u);
    for (const band of bandsSaid(whole, "en")) expect(said).toContain(band);
    expect(page.url()).toContain("lang=en");
    await page.screenshot({ path: path.join(SCREENSHOTS, "port-en-1280.png"), fullPage: true });

    // A phone: nothing wider than the screen but the table's own scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, "port-en-360.png"), fullPage: true });
    await page.getByRole("button", { name: /Français/u }).click();
    await page.getByRole("heading", { level: 1, name: /Port de Lomé/u }).waitFor();
    await summaryOf(page, histogramTitle);
    await page.screenshot({ path: path.join(SCREENSHOTS, "port-fr-360.png"), fullPage: true });

    // Signed out at first, GET /auth/me answers 401 and the browser logs it: expected, and the only error.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  }, 240_000);
});
