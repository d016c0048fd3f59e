import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInteger, formatValue } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { watch } from "../support/page-checks.js";
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

type Row = { bucket: string | null; dimensions: { value: string }[]; cells: { value: number | null }[] };
const METRIC = `query ($query: MetricQueryInput!) { metrics(query: $query) { rows { bucket dimensions { value } cells { value } } } }`;

async function metrics(query: Record<string, unknown>): Promise<Row[]> {
  const { status, body } = await graphql<{ metrics: { rows: Row[] } }>(sample.server.url, METRIC, { query: { period: PERIOD, ...query } }, { cookie: sample.cookie });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data?.metrics.rows ?? [];
}

const byValue = (rows: Row[]) => new Map(rows.map((r) => [r.dimensions[0]?.value ?? "", r.cells.map((c) => c.value)]));
const cellText = (page: Page, table: string, attribute: string, key: string, cell: string) => page.locator(`table.${table} tr[${attribute}="${key}"] [data-cell="${cell}"]`).textContent();

/** A chart's data as its CSV download gives it (French: `;` and decimal commas), header first. */
async function downloadCsv(page: Page, cardTitle: RegExp): Promise<string[][]> {
  const card = page.locator(".chart-card", { has: page.getByRole("heading", { name: cardTitle }) });
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /CSV/u }).click()]);
  const text = fs.readFileSync((await download.path()) as string, "utf8").replace(/^\uFEFF/u, "");
  return text
    .trim()
    .split("\r\n")
    .map((line) => line.split(";"));
}
const frNumber = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text.replace(",", ".")));

describe.runIf(runnable)("the corridor page in a browser, against the samples", () => {
  beforeAll(async () => {
    sample = await startSampleServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
  });

  it("draws the routes and border posts with the API's figures, selects them by click and keyboard into the address, follows the filters and switches language", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await page.goto(sample.server.url);
    await page.getByLabel("Identifiant").fill(TEST_ADMIN.login);
    await page.getByLabel("Mot de passe").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.locator(".site-nav").waitFor();
    // Every role has the corridor in its menu; it opens from there.
    await page.getByRole("navigation").getByRole("link", { name: "Corridor", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Le corridor Lomé–AES/u }).waitFor();
    await page.goto(new URL(`corridor?${QUERY}`, sample.server.url).href);
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".data-as-of").waitFor();

    // The map: one focusable button per route and per border post, drawn from the API's offices and routes.
    const map = page.locator(".corridor-map svg");
    await map.waitFor();
    const geography = await graphql<{ routes: { code: string }[]; offices: { code: string; kind: string }[] }>(sample.server.url, "{ routes { code } offices { code kind } }", {}, { cookie: sample.cookie });
    const routeCodes = geography.body.data?.routes.map((r) => r.code) ?? [];
    expect(routeCodes).toHaveLength(6);
    expect(await map.locator("g.map-route").count()).toBe(routeCodes.length);
    expect(await map.locator('g.map-route[role="button"][tabindex="0"]').count()).toBe(routeCodes.length);
    expect(await map.locator("g.map-border").count()).toBe(5);

    // The routes' figures on the page are the API's (EXPECTED.md: TG-BF-OUA 67 h and 68.6 h, 3 trucks; TG-NE-KAN 97 h; TG-ML-HER 146 h).
    const routes = byValue(await metrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90", "COUNT"] }, { measure: "TRUCKS" }], dimensions: ["ROUTE"] }));
    expect(routes.get("TG-BF-OUA")).toEqual([67, 68.6, 3, 3]);
    await page.locator('table.corridor-routes tr[data-route="TG-BF-OUA"] [data-cell="p50"]', { hasText: "67" }).waitFor();
    for (const code of routeCodes) {
      const cells = routes.get(code) ?? [null, null, null, null];
      expect(await cellText(page, "corridor-routes", "data-route", code, "p50")).toBe(formatValue(cells[0] ?? null, "HOURS", "fr"));
      expect(await cellText(page, "corridor-routes", "data-route", code, "p90")).toBe(formatValue(cells[1] ?? null, "HOURS", "fr"));
      expect(await cellText(page, "corridor-routes", "data-route", code, "trucks")).toBe(cells[3] == null ? "—" : formatInteger(cells[3], "fr"));
    }
    // Routes without a truck are drawn as "no data", the others in the legend's colours; the label says the figures.
    expect(await map.locator('g.map-route[data-route="TG-BF-OUA"]').getAttribute("aria-label")).toContain("67,0\u00A0h");
    expect(await map.locator('g.map-route[data-route="TG-BF-BOB"] line[stroke-dasharray]').count()).toBeGreaterThan(0);
    expect(await map.locator('g.map-route[data-route="TG-BF-OUA"] line[stroke-dasharray]').count()).toBe(0);

    // Border posts, each way (EXPECTED.md: TGCIN>BFCIN 13.25 h and 16.65 h over 4 crossings; BFCIN>TGCIN 11 h).
    const borders = byValue(await metrics({ measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90", "COUNT"] }], dimensions: ["BORDER"] }));
    expect(borders.get("TGCIN>BFCIN")).toEqual([13.25, 16.65, 4]);
    for (const [crossing, cells] of borders) {
      expect(await cellText(page, "corridor-borders", "data-border", crossing, "p50")).toBe(formatValue(cells[0] ?? null, "HOURS", "fr"));
      expect(await cellText(page, "corridor-borders", "data-border", crossing, "p90")).toBe(formatValue(cells[1] ?? null, "HOURS", "fr"));
      expect(await cellText(page, "corridor-borders", "data-border", crossing, "count")).toBe(formatInteger(cells[2] ?? 0, "fr"));
    }
    expect(await map.locator('g.map-border[data-border="TGCIN>BFCIN"]').textContent()).toBe("13,3 / 16,7\u00A0h");
    // Hovering a route shows its figures in a tooltip; the map downloads as a picture, legend included.
    await map.locator('g.map-route[data-route="TG-ML-HER"] line').last().hover();
    await page.locator(".map-tooltip", { hasText: "TG-ML-HER" }).waitFor();
    expect(await page.locator(".map-tooltip").textContent()).toContain("146,0\u00A0h");
    const mapCard = page.locator(".chart-card", { has: page.getByRole("heading", { name: /^Temps de transit par itinéraire/u }) });
    const [png] = await Promise.all([page.waitForEvent("download"), mapCard.getByRole("button", { name: /PNG/u }).click()]);
    expect(fs.readFileSync((await png.path()) as string).subarray(1, 4).toString()).toBe("PNG");
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "corridor-fr-1280.png"), fullPage: true });

    // Click a route's segment (Makalondi → Niamey, TG-NE-KAN's own): its trend appears, and the address keeps the selection.
    await map.locator('g.map-route[data-route="TG-NE-KAN"] line').last().click();
    await page.waitForURL((u) => u.searchParams.get("sel") === "route:TG-NE-KAN");
    const trendTitle = /^Transit sur l'itinéraire TG-NE-KAN, par jour/u;
    await page.getByRole("heading", { name: trendTitle }).waitFor();
    await page.locator(".corridor-trend .recharts-surface").first().waitFor();
    expect(await map.locator('g.map-route[data-route="TG-NE-KAN"]').getAttribute("aria-pressed")).toBe("true");
    // The trend's data (its CSV download) is the API's, day by day.
    const kan = await metrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90"] }], grain: "DAY", filters: [{ dimension: "ROUTE", values: ["TG-NE-KAN"] }] });
    const csv = await downloadCsv(page, trendTitle);
    expect(csv[0]).toEqual(["bucket", "Médiane (P50)", "P90"]);
    expect(csv.slice(1).map((line) => [line[0], frNumber(line[1]), frNumber(line[2])])).toEqual(kan.map((r) => [r.bucket, r.cells[0]?.value ?? null, r.cells[1]?.value ?? null]));
    expect(kan.find((r) => r.bucket === "2024-10-11")?.cells[0]?.value).toBe(97);

    // The keyboard: Tab reaches the border posts, Enter selects one; its trend shows both directions.
    await map.locator('g.map-border[data-border="TGCIN>BFCIN"]').focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.searchParams.get("sel") === "border:TGCIN>BFCIN");
    const borderTitle = /^Passage de frontière à Cinkassé PCJ → Cinkansé PCJ, par jour/u;
    await page.getByRole("heading", { name: borderTitle }).waitFor();
    await page.locator(".corridor-trend .recharts-surface").first().waitFor();
    const crossings = await metrics({ measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90"] }], grain: "DAY", dimensions: ["BORDER"], filters: [{ dimension: "BORDER", values: ["TGCIN>BFCIN", "BFCIN>TGCIN"] }] });
    const borderCsv = await downloadCsv(page, borderTitle);
    expect(borderCsv[0]).toEqual(["bucket", "import — Médiane (P50)", "import — P90", "export — Médiane (P50)", "export — P90"]);
    const day = (bucket: string, crossing: string) => crossings.find((r) => r.bucket === bucket && r.dimensions[0]?.value === crossing)?.cells.map((c) => c.value) ?? [null, null];
    for (const line of borderCsv.slice(1)) {
      const bucket = line[0] as string;
      expect(line.slice(1).map(frNumber)).toEqual([...day(bucket, "TGCIN>BFCIN"), ...day(bucket, "BFCIN>TGCIN")]);
    }
    // Space works too, on a route reached with the keyboard.
    await map.locator('g.map-route[data-route="TG-BF-OUA"]').focus();
    await page.keyboard.press(" ");
    await page.waitForURL((u) => u.searchParams.get("sel") === "route:TG-BF-OUA");

    // Reloading the address restores the selection and the period.
    await page.reload();
    await page.getByRole("heading", { name: /^Transit sur l'itinéraire TG-BF-OUA/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");

    // A filter of the bar: Burkina Faso only. The address says it, the figures follow it (Mali's route empties), a reload keeps it.
    await page.getByRole("checkbox", { name: "BF" }).check();
    await page.waitForURL((u) => u.searchParams.get("countries") === "BF" && u.searchParams.get("sel") === "route:TG-BF-OUA");
    const bf = byValue(await metrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90", "COUNT"] }, { measure: "TRUCKS" }], dimensions: ["ROUTE"], filters: [{ dimension: "COUNTRY", values: ["BF"] }] }));
    expect(bf.get("TG-ML-HER")?.[0] ?? null).toBeNull();
    await page.locator('table.corridor-routes tr[data-route="TG-ML-HER"] [data-cell="p50"]', { hasText: "—" }).waitFor();
    expect(await cellText(page, "corridor-routes", "data-route", "TG-BF-OUA", "p50")).toBe(formatValue(bf.get("TG-BF-OUA")?.[0] ?? null, "HOURS", "fr"));
    await page.reload();
    await page.locator('table.corridor-routes tr[data-route="TG-ML-HER"] [data-cell="p50"]', { hasText: "—" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "BF" }).isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: "BF" }).uncheck();
    await page.waitForURL((u) => !u.searchParams.has("countries"));
    await page.locator('table.corridor-routes tr[data-route="TG-ML-HER"] [data-cell="p50"]', { hasText: "146" }).waitFor();

    // English: the words and the numbers.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /The Lomé–AES corridor/u }).waitFor();
    expect(page.url()).toContain("lang=en");
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 Oct 2024 – 31 Oct 2024");
    await page.getByRole("heading", { name: /^Transit on route TG-BF-OUA, per day/u }).waitFor();
    expect(await cellText(page, "corridor-routes", "data-route", "TG-BF-OUA", "p90")).toBe("68.6\u00A0h");
    expect(await map.locator('g.map-border[data-border="TGCIN>BFCIN"]').textContent()).toBe("13.3 / 16.7\u00A0h");
    await page.screenshot({ path: path.join(SCREENSHOTS, "corridor-en-1280.png"), fullPage: true });

    // A phone: the map fits the screen, nothing is wider than it but the tables' own scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForFunction(`(document.querySelector(".corridor-map svg")?.getBoundingClientRect().width ?? 999) <= 340`);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, "corridor-en-360.png"), fullPage: true });
    await page.getByRole("button", { name: /Français/u }).click();
    await page.getByRole("heading", { level: 1, name: /Le corridor Lomé–AES/u }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "corridor-fr-360.png"), fullPage: true });

    // Signed out at first, GET /auth/me answers 401 and the browser logs it: expected, and the only error.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  }, 240_000);
});
