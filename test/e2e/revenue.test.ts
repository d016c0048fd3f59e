import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValue } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { kpiValue, signInThroughForm, watch } from "../support/page-checks.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";
import { graphql, signIn, TEST_ADMIN } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
const root = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(root, "test-artifacts/screenshots");
const PERIOD = { from: "2024-10-01", to: "2024-11-01" };
const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;
const xof = (value: number | null, language: "fr" | "en" = "fr") => formatValue(value, "XOF", language);

let sample: SampleServer;
let browser: Browser;

async function api<T>(query: string, variables: Record<string, unknown> = {}, cookie = sample.cookie): Promise<T> {
  const { status, body } = await graphql<T>(sample.server.url, query, variables, { cookie });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data as T;
}

const METRIC = `query ($query: MetricQueryInput!) { metrics(query: $query) { rows { dimensions { value } cells { value } } } }`;
const SCENARIO = `query ($period: PeriodInput!, $bands: [BandChangeInput!]!, $countries: [String!]) {
  tariffScenario(period: $period, bands: $bands, countries: $countries) {
    rows { country hsChapter currentDutyXof scenarioDutyXof dutyChangeXof vatEffectXof totalChangeXof }
    totals { currentDutyXof scenarioDutyXof dutyChangeXof vatEffectXof totalChangeXof }
  }
}`;
const GUARANTEES = `query ($period: PeriodInput!) { guaranteeSavings(period: $period) { rows { country savingXof currentGuaranteesXof } totals { savingXof } } }`;

type Metrics = { metrics: { rows: { dimensions: { value: string }[]; cells: { value: number | null }[] }[] } };
type ScenarioAnswer = { tariffScenario: { rows: Record<string, number | string>[]; totals: Record<string, number> } };

const cell = (page: Page, table: string, row: string, field: string) => page.locator(`table[data-table="${table}"] ${row} [data-field="${field}"]`).textContent();

describe.runIf(runnable)("the revenue page in a browser, against the samples", () => {
  beforeAll(async () => {
    sample = await startSampleServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
  });

  it("shows the API's revenue figures, runs the tariff scenario from its form, keeps it in the address and switches language", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, sample.server.url);
    await page.goto(new URL(`recettes?${QUERY}`, sample.server.url).href);
    await page.getByRole("heading", { level: 1, name: /Recettes douanières et portuaires/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".data-as-of").waitFor();

    // Key figures: what the general query answers for the period, formatted as people write it.
    const total = async (measure: string) => (await api<Metrics>(METRIC, { query: { measures: [{ measure }], period: PERIOD } })).metrics.rows[0]?.cells[0]?.value ?? null;
    const customs = await total("CUSTOMS_REVENUE");
    const charges = await total("PORT_CHARGES");
    expect(customs).toBe(4_626_250);
    await page.locator(".kpi-value", { hasText: "FCFA" }).first().waitFor();
    expect(await kpiValue(page, "Recettes douanières")).toBe(xof(customs));
    expect(await kpiValue(page, "Redevances portuaires")).toBe(xof(charges));
    expect(xof(customs)).toBe("4\u00A0626\u00A0250\u00A0FCFA");

    // Charts: their text alternatives carry the API's figures (tax codes; fee codes × countries).
    const byTax = await api<Metrics>(METRIC, { query: { measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["TAX_CODE"], period: PERIOD } });
    const taxCard = page.locator(".chart-card", { has: page.getByRole("heading", { name: /^Recettes douanières par taxe/u }) });
    await taxCard.locator(".chart-figure").waitFor();
    const taxSummary = (await taxCard.locator(".visually-hidden").textContent()) ?? "";
    expect(byTax.metrics.rows.length).toBe(5);
    for (const row of byTax.metrics.rows) expect(taxSummary).toContain(`(${row.dimensions[0]?.value}) ${xof(row.cells[0]?.value ?? null)}`);
    const fees = await api<Metrics>(METRIC, { query: { measures: [{ measure: "PORT_CHARGES" }], dimensions: ["FEE_CODE", "COUNTRY"], period: PERIOD } });
    const feeCard = page.locator(".chart-card", { has: page.getByRole("heading", { name: /^Redevances portuaires par code/u }) });
    await feeCard.locator(".chart-figure").waitFor();
    const feeSummary = (await feeCard.locator(".visually-hidden").textContent()) ?? "";
    for (const row of fees.metrics.rows) expect(feeSummary).toContain(xof(row.cells[0]?.value ?? null));
    // The chart itself is drawn once recharts has loaded (after the figures).
    await feeCard.locator(".recharts-bar-rectangle").first().waitFor();

    // Single transit guarantee: the table shows the API's rows and totals.
    const guarantees = await api<{ guaranteeSavings: { rows: { country: string; savingXof: number | null; currentGuaranteesXof: number | null }[]; totals: { savingXof: number } } }>(GUARANTEES, { period: PERIOD });
    await page.locator('table[data-table="guarantee"]').waitFor();
    for (const row of guarantees.guaranteeSavings.rows) {
      expect(await cell(page, "guarantee", `tr[data-country="${row.country}"]`, "savingXof")).toBe(xof(row.savingXof));
      expect(await cell(page, "guarantee", `tr[data-country="${row.country}"]`, "currentGuaranteesXof")).toBe(xof(row.currentGuaranteesXof));
    }
    expect(await cell(page, "guarantee", "tfoot tr", "savingXof")).toBe(xof(guarantees.guaranteeSavings.totals.savingXof));
    expect(await cell(page, "guarantee", "tfoot tr", "savingXof")).toBe("337\u00A0750\u00A0FCFA");

    // The tariff scenario: nothing runs until submitted; a wrong entry is refused with its reason.
    expect(await page.locator('table[data-table="tariff"]').count()).toBe(0);
    await page.locator('input[name="band-0-from"]').fill("10");
    await page.locator('input[name="band-0-to"]').fill("douze");
    await page.getByRole("button", { name: "Calculer le scénario" }).click();
    await page.getByText("Un nombre, par exemple 12,5.").waitFor();
    expect(page.url()).not.toContain("tec=");
    // Edit the band: 10 % → 12,5 % (a French decimal comma), and run it.
    await page.locator('input[name="band-0-to"]').fill("12,5");
    await page.getByRole("button", { name: "Calculer le scénario" }).click();
    const bf10 = 'tr[data-country="BF"][data-chapter="10"]';
    await page.locator(`table[data-table="tariff"] ${bf10}`).waitFor();
    expect(new URL(page.url()).searchParams.get("tec")).toBe("10-12.5");
    const scenario = await api<ScenarioAnswer>(SCENARIO, { period: PERIOD, bands: [{ fromRate: 0.1, toRate: 0.125 }] });
    const apiRow = scenario.tariffScenario.rows.find((r) => r.country === "BF" && r.hsChapter === "10");
    for (const field of ["currentDutyXof", "scenarioDutyXof", "dutyChangeXof", "vatEffectXof", "totalChangeXof"]) {
      expect(await cell(page, "tariff", bf10, field)).toBe(xof(apiRow?.[field] as number));
      expect(await cell(page, "tariff", "tfoot tr", field)).toBe(xof(scenario.tariffScenario.totals[field] ?? null));
    }
    // The figures worked by hand on the samples (EXPECTED.md: BF's rice, DD 10 % on 12 900 000 FCFA).
    expect(await cell(page, "tariff", bf10, "dutyChangeXof")).toBe("322\u00A0500\u00A0FCFA");
    expect(await cell(page, "tariff", bf10, "vatEffectXof")).toBe("58\u00A0050\u00A0FCFA");
    expect(await cell(page, "tariff", bf10, "totalChangeXof")).toBe("380\u00A0550\u00A0FCFA");
    await page.screenshot({ path: path.join(SCREENSHOTS, "revenue-fr-1280.png"), fullPage: true });

    // A link reproduces the scenario: reloading the address runs it again and refills the form.
    await page.reload();
    await page.locator(`table[data-table="tariff"] ${bf10}`).waitFor();
    expect(await page.locator('input[name="band-0-from"]').inputValue()).toBe("10");
    expect(await page.locator('input[name="band-0-to"]').inputValue()).toBe("12,5");
    expect(await cell(page, "tariff", bf10, "totalChangeXof")).toBe("380\u00A0550\u00A0FCFA");

    // A filter of the bar goes into the address and back: NE alone has paid no duty, so the scenario says so.
    await page.getByRole("checkbox", { name: "NE" }).check();
    await page.waitForURL(/countries=NE/u);
    await page.getByText("Aucune ligne de droit de douane payée sur cette période et ces pays.").waitFor();
    await page.reload();
    expect(await page.getByRole("checkbox", { name: "NE" }).isChecked()).toBe(true);
    await page.getByText("Aucune ligne de droit de douane payée sur cette période et ces pays.").waitFor();
    expect(new URL(page.url()).searchParams.get("tec")).toBe("10-12.5");
    await page.getByRole("checkbox", { name: "NE" }).uncheck();
    await page.waitForURL((u) => !u.searchParams.has("countries"));
    await page.locator(`table[data-table="tariff"] ${bf10}`).waitFor();

    // English: headings, labels and numbers in English.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /Customs and port revenue/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 Oct 2024 – 31 Oct 2024");
    expect(await kpiValue(page, "Customs revenue")).toBe(xof(customs, "en"));
    expect(await cell(page, "tariff", bf10, "dutyChangeXof")).toBe("322,500\u00A0FCFA");
    expect(await page.getByRole("columnheader", { name: "Change in DD" }).count()).toBe(1);
    expect(page.url()).toContain("lang=en");
    await page.screenshot({ path: path.join(SCREENSHOTS, "revenue-en-1280.png"), fullPage: true });

    // A phone: nothing wider than the screen but the tables' own scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, "revenue-en-360.png"), fullPage: true });
    await page.getByRole("button", { name: /Français/u }).click();
    await page.getByRole("heading", { level: 1, name: /Recettes douanières et portuaires/u }).waitFor();
    await page.locator(`table[data-table="tariff"] ${bf10}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "revenue-fr-360.png"), fullPage: true });

    // Signed out at first, GET /auth/me answers 401 and the browser logs it: expected, and the only error.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  }, 240_000);

  it("runs the scenario for a country-scoped ministry on its own country, saying why", async () => {
    const login = "ministere.bf";
    const password = "mot de passe du ministère BF";
    await api(`mutation ($input: NewUserInput!) { createUser(input: $input) { login } }`, { input: { login, password, displayName: "Ministère BF", role: "MINISTRY", country: "BF" } });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, login, password, sample.server.url);
    // The scoped user's filter bar asks for every country; asked so, the API would answer FORBIDDEN.
    const { body } = await graphql(sample.server.url, SCENARIO, { period: PERIOD, bands: [{ fromRate: 0.1, toRate: 0.125 }] }, { cookie: await signIn(sample.server.url, login, password) });
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await page.goto(new URL(`recettes?${QUERY}&tec=10-12.5`, sample.server.url).href);
    await page.getByText("Votre compte voit le détail de BF seulement : le scénario, ventilé par chapitre SH, porte sur BF").waitFor();
    await page.locator('table[data-table="tariff"] tr[data-country="BF"][data-chapter="10"]').waitFor();
    expect(await cell(page, "tariff", 'tr[data-country="BF"][data-chapter="10"]', "totalChangeXof")).toBe("380\u00A0550\u00A0FCFA");
    // Country detail (revenue by tax code) is narrowed to BF, and says so; totals by country are not.
    await page.getByText("Votre compte voit le détail de BF seulement : ce graphique ne montre que BF.").first().waitFor();
    expect(await kpiValue(page, "Recettes douanières")).toBe(xof(4_626_250));
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  }, 120_000);
});

