import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { signInThroughForm, watch } from "../support/page-checks.js";
import { SAMPLES_DIR, startSampleServer, type SampleServer } from "../support/sample-server.js";
import { graphql, signIn, spawnServer, TEST_ADMIN, type SpawnedServer } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
const SHOTS = path.resolve("test-artifacts/screenshots");
const PERIOD = "from=2024-10-01&to=2024-11-01";
const ANALYST = { login: "analyste.donnees", password: "un mot de passe assez long" };

let sample: SampleServer;
let fresh: SpawnedServer;
let browser: Browser;

/** Console errors, page errors and requests to any other origin, as the page runs. */

/** `1 234` (French, no-break spaces) or `1,234` (English) → 1234. */
const numberIn = (text: string | null) => Number((text ?? "").replace(/[\s\u00A0\u202F,]/gu, ""));

interface FeedRow {
  feed: string;
  loads: number;
  recordsLoaded: number;
  recordsQuarantined: number;
  dataAsOf: string | null;
}

describe.runIf(runnable)("the Data page in a browser, against the real server on the samples", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [sample, fresh, browser] = await Promise.all([startSampleServer(), spawnServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
    await fresh?.stop();
    if (fresh) fs.rmSync(fresh.dataDir, { recursive: true, force: true });
  });

  it("shows each feed's counts and freshness, the two quarantined records and the coverage the API gives, in French then English", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, sample.server.url);
    await page.goto(new URL(`donnees?${PERIOD}`, sample.server.url).href);
    await page.getByRole("heading", { level: 1, name: /Données et chargements/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.locator(".data-as-of").waitFor();

    // Feeds: files, records and quarantined per feed, as the API counts them; every sample feed is older than 7 days.
    const api = await graphql<{ warehouse: { feeds: FeedRow[] } }>(sample.server.url, "{ warehouse { feeds { feed loads recordsLoaded recordsQuarantined dataAsOf } } }", {}, { cookie: sample.cookie });
    const feeds = api.body.data?.warehouse.feeds ?? [];
    expect(feeds).toHaveLength(5);
    for (const feed of feeds) {
      const row = page.locator(`.fresh-table tr[data-feed="${feed.feed}"]`);
      expect(numberIn(await row.locator('[data-field="loads"]').textContent()), feed.feed).toBe(feed.loads);
      expect(numberIn(await row.locator('[data-field="records"]').textContent()), feed.feed).toBe(feed.recordsLoaded);
      expect(numberIn(await row.locator('[data-field="quarantined"]').textContent()), feed.feed).toBe(feed.recordsQuarantined);
      expect(await row.textContent()).toContain("données anciennes");
    }
    expect(feeds.reduce((sum, f) => sum + f.recordsQuarantined, 0)).toBe(2);
    expect(await page.locator(".data-warning").first().textContent()).toContain("plus de 7 jours");

    // Loads: every sample file with its four counters.
    const loads = await graphql<{ loads: { fileName: string; read: number; loaded: number; quarantined: number; duplicates: number }[] }>(sample.server.url, "{ loads(limit: 20) { fileName read loaded quarantined duplicates } }", {}, { cookie: sample.cookie });
    for (const load of loads.body.data?.loads ?? []) {
      const row = page.locator(`.loads-table tr[data-file="${load.fileName}"]`);
      for (const field of ["read", "loaded", "quarantined", "duplicates"] as const) expect(numberIn(await row.locator(`[data-field="${field}"]`).textContent()), `${load.fileName} ${field}`).toBe(load[field]);
    }
    const escalesA = page.locator('.loads-table tr[data-file="20241016T0700_PAL_escales_A.csv"]');
    expect(await escalesA.locator('[data-field="read"]').textContent()).toBe("3");

    // Quarantine: exactly the two planted records, where and why, as the API lists them.
    const quarantine = await graphql<{ quarantine: { total: number; records: { reason: string; fileName: string }[] } }>(sample.server.url, "{ quarantine { total records { reason fileName } } }", {}, { cookie: sample.cookie });
    expect(quarantine.body.data?.quarantine.total).toBe(2);
    await page.locator(".q-record").first().waitFor();
    expect(await page.locator(".q-record").count()).toBe(2);
    expect(await page.locator(".q-total").getAttribute("data-total")).toBe("2");
    const imo = page.locator('.q-record[data-reason="BAD_IMO"]');
    expect(await imo.getAttribute("data-file")).toBe("20241016T0700_PAL_escales_A.csv");
    expect(await imo.locator(".q-place").textContent()).toBe("ligne 4");
    expect(await imo.textContent()).toContain("Numéro OMI invalide (chiffre de contrôle)");
    const digit = page.locator('.q-record[data-reason="BAD_CHECK_DIGIT"]');
    expect(await digit.getAttribute("data-file")).toBe("20241010T0600_LCT_EDI.edi");
    expect(await digit.locator(".q-place").textContent()).toBe("message 3, segment 56, ligne 57");
    await imo.getByText("Texte brut").click();
    expect(await imo.locator("pre").textContent()).toContain('LFW-24-3109,"STELLA, II",9316600');
    for (const reason of ["BAD_IMO", "BAD_CHECK_DIGIT"]) expect(await page.locator(`.q-reasons tr[data-reason="${reason}"] [data-field="records"]`).textContent()).toBe("1");

    // Coverage over the period: the periods with data per feed, as the general query answers.
    const metrics = await graphql<{ metrics: { rows: { cells: { measure: string; value: number | null }[] }[] } }>(
      sample.server.url,
      "query($q: MetricQueryInput!) { metrics(query: $q) { rows { cells { measure value } } } }",
      { q: { measures: ["SHIP_CALLS", "TEU_HANDLED", "DECLARATIONS", "TRUCKS", "PORT_CHARGES"].map((measure) => ({ measure })), grain: "DAY", period: { from: "2024-10-01", to: "2024-11-01" } } },
      { cookie: sample.cookie },
    );
    const rows = metrics.body.data?.metrics.rows ?? [];
    expect(rows).toHaveLength(31);
    const covered = (measure: string) => rows.filter((r) => r.cells.find((c) => c.measure === measure)?.value != null).length;
    await page.locator(".coverage-table").waitFor();
    for (const [feed, measure] of [
      ["VESSEL_CALLS", "SHIP_CALLS"],
      ["CONTAINER_EVENTS", "TEU_HANDLED"],
      ["CUSTOMS_DECLARATIONS", "DECLARATIONS"],
      ["TRANSIT_MOVEMENTS", "TRUCKS"],
      ["PORT_INVOICES", "PORT_CHARGES"],
    ] as const) {
      expect(await page.locator(`.coverage-table tr[data-feed="${feed}"] [data-field="covered"]`).textContent(), feed).toBe(`${covered(measure)} / 31`);
    }
    // EXPECTED.md: two calls counted (the quarantined one counts nowhere).
    expect(await page.locator('.coverage-table tr[data-feed="VESSEL_CALLS"] [data-field="total"]').textContent()).toBe("2\u00A0escales");
    expect(await page.locator(".coverage svg rect").count()).toBeGreaterThanOrEqual(5 * 31);

    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `data-fr-${width}.png`), fullPage: true });
    }

    // English: labels, places and numbers in English.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /Data and loads/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 Oct 2024 – 31 Oct 2024");
    expect(await imo.locator(".q-place").textContent()).toBe("line 4");
    expect(await imo.textContent()).toContain("Invalid IMO number (check digit)");
    expect(await page.locator('.fresh-table tr[data-feed="VESSEL_CALLS"]').textContent()).toContain("old data");
    expect(await page.locator('.coverage-table tr[data-feed="VESSEL_CALLS"] [data-field="total"]').textContent()).toBe("2\u00A0calls");
    expect(page.url()).toContain("lang=en");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `data-en-${width}.png`), fullPage: true });
    }
    // The only failed resource is the 401 of /auth/me before signing in.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });

  it("keeps the quarantine filters and the period in the address, and restores them from it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, sample.server.url);
    await page.goto(new URL(`donnees?${PERIOD}`, sample.server.url).href);
    await page.locator(".q-record").first().waitFor();

    // A reason picked: the address says it, the list and its total follow.
    await page.locator(".q-filters").getByLabel("Motif").selectOption("BAD_IMO");
    await page.waitForURL(/qreason=BAD_IMO/u);
    await page.locator('.q-total[data-total="1"]').waitFor();
    expect(await page.locator(".q-record").count()).toBe(1);
    expect(await page.locator(".q-record").getAttribute("data-reason")).toBe("BAD_IMO");
    // The counts by reason still show every reason, to pick another.
    expect(await page.locator(".q-reasons tbody tr").count()).toBe(2);

    // "voir" on a load with quarantined records filters by its file.
    await page.locator('.loads-table tr[data-file="20241010T0600_LCT_EDI.edi"]').getByRole("button", { name: "voir" }).click();
    await page.waitForURL(/qfile=20241010T0600_LCT_EDI\.edi/u);
    expect(page.url()).not.toContain("qreason");
    await page.locator('.q-record[data-reason="BAD_CHECK_DIGIT"]').waitFor();
    expect(await page.locator(".q-record").count()).toBe(1);

    // The period: the coverage chart follows it; the country filter does not apply to it, and says so.
    await page.locator('input[name="to"]').fill("2024-10-16");
    await page.waitForURL(/to=2024-10-16/u);
    await page.getByRole("heading", { name: "Couverture des flux — 1 oct. 2024 – 15 oct. 2024" }).waitFor();
    await page.locator('.coverage-table tr[data-feed="VESSEL_CALLS"] [data-field="covered"]', { hasText: "/ 15" }).waitFor();
    await page.getByRole("checkbox", { name: "BF" }).check();
    await page.waitForURL(/countries=BF/u);
    await page.locator(".coverage").getByText("Filtres sans effet sur ce graphique : pays").waitFor();

    // Reloaded from its address, the view is the same.
    const address = page.url();
    await page.reload();
    await page.locator('.q-record[data-reason="BAD_CHECK_DIGIT"]').waitFor();
    expect(page.url()).toBe(address);
    expect(await page.locator(".q-filters").getByLabel("Fichier").inputValue()).toBe("20241010T0600_LCT_EDI.edi");
    expect(await page.locator(".q-record").count()).toBe(1);
    await page.getByRole("heading", { name: "Couverture des flux — 1 oct. 2024 – 15 oct. 2024" }).waitFor();
    expect(await page.locator('input[name="to"]').inputValue()).toBe("2024-10-16");
    expect(await page.getByRole("checkbox", { name: "BF" }).isChecked()).toBe(true);

    // Back undoes the last change.
    await page.goBack();
    await page.waitForURL((url) => !url.href.includes("countries=BF"));
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });

  it("loads a sample file uploaded through the form on a fresh server, shows its counts and refreshes the loads and the quarantine", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(fresh.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, fresh.url);
    await page.goto(new URL(`donnees?${PERIOD}`, fresh.url).href);
    await page.getByRole("heading", { name: "Entrepôt vide" }).waitFor();
    await page.getByText("Aucun chargement pour l'instant.").waitFor();
    await page.locator('.q-total[data-total="0"]').waitFor();

    // Too large: refused before sending, with the limit said.
    const fileInput = page.locator('.upload-form input[type="file"]');
    await fileInput.setInputFiles({ name: "trop-gros.csv", mimeType: "text/csv", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) });
    await page.getByText("c'est plus que 10\u00A0Mo").waitFor();
    expect(await page.getByRole("button", { name: "Envoyer et charger" }).isDisabled()).toBe(true);

    // A sample with one bad record: read 3 = loaded 2 + quarantined 1 (EXPECTED.md).
    await fileInput.setInputFiles(path.join(SAMPLES_DIR, "20241016T0700_PAL_escales_A.csv"));
    await page.getByRole("button", { name: "Envoyer et charger" }).click();
    const result = page.locator(".upload-result");
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain("chargé, avec quarantaine");
    expect(await result.textContent()).toContain("Escales de navires");
    for (const [field, value] of [
      ["read", "3"],
      ["loaded", "2"],
      ["quarantined", "1"],
      ["duplicates", "0"],
    ]) {
      expect(await result.locator(`[data-field="${field}"]`).textContent(), field).toBe(value);
    }

    // The loads table and the quarantine were asked again: the new load and its bad record are there, as the API says.
    const loadRow = page.locator(".loads-table tbody tr", { hasText: "20241016T0700_PAL_escales_A.csv" });
    await loadRow.waitFor();
    const api = await graphql<{ loads: { fileName: string; source: string; read: number; loaded: number; quarantined: number }[] }>(fresh.url, "{ loads { fileName source read loaded quarantined } }", {}, { cookie: await signIn(fresh.url) });
    expect(api.body.data?.loads).toHaveLength(1);
    expect(api.body.data?.loads[0]).toMatchObject({ source: "upload", read: 3, loaded: 2, quarantined: 1 });
    expect(await loadRow.getAttribute("data-file")).toBe(api.body.data?.loads[0]?.fileName);
    expect(await loadRow.textContent()).toContain("envoi");
    await page.locator('.q-record[data-reason="BAD_IMO"]').waitFor();
    expect(await page.locator('.q-record[data-reason="BAD_IMO"] .q-place').textContent()).toBe("ligne 4");
    expect(numberIn(await page.locator('.fresh-table tr[data-feed="VESSEL_CALLS"] [data-field="records"]').textContent())).toBe(2);
    expect(await page.getByRole("heading", { name: "Entrepôt vide" }).count()).toBe(0);

    // The same file again: every record is a duplicate, nothing changes.
    await fileInput.setInputFiles(path.join(SAMPLES_DIR, "20241016T0700_PAL_escales_A.csv"));
    await page.getByRole("button", { name: "Envoyer et charger" }).click();
    await result.locator('[data-field="duplicates"]', { hasText: "3" }).waitFor({ timeout: 60_000 });
    expect(await result.locator('[data-field="loaded"]').textContent()).toBe("0");
    await page.locator(".loads-table tbody tr").nth(1).waitFor();
    expect(await page.locator(".q-record").count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, "data-upload-fr-1280.png"), fullPage: true });
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });

  it("is not offered to an analyst, who is told so on /donnees; the API refuses them the quarantine", async () => {
    const created = await graphql(sample.server.url, `mutation { createUser(input: { login: "${ANALYST.login}", displayName: "Analyste", role: ANALYST, password: "${ANALYST.password}" }) { login } }`, {}, { cookie: sample.cookie });
    expect(created.body.errors).toBeUndefined();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = watch(page, new URL(sample.server.url).origin);
    await signInThroughForm(page, ANALYST.login, ANALYST.password, sample.server.url);
    const nav = page.locator("nav.site-nav");
    expect(await nav.getByRole("link", { name: "Vue d'ensemble" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Données" }).count()).toBe(0);
    await page.goto(new URL(`donnees?${PERIOD}`, sample.server.url).href);
    await page.getByText("Votre rôle ne donne pas accès à cette page.").waitFor();
    expect(await page.locator(".q-record").count()).toBe(0);
    const refused = await graphql(sample.server.url, "{ quarantine { total } }", {}, { cookie: await signIn(sample.server.url, ANALYST.login, ANALYST.password) });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });
});
