import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOf, startSmtpSink, type SmtpSink } from "../../server/test/reports/smtp-sink.js";
import { formatDateTime } from "../../web/src/i18n/format.js";
import { browserTestsRunnable, launchChromium } from "../support/chromium.js";
import { signInThroughForm, watch } from "../support/page-checks.js";
import { loadSamples } from "../support/sample-server.js";
import { graphql, signIn, spawnServer, TEST_ADMIN, type SpawnedServer } from "../support/spawn-server.js";

const runnable = browserTestsRunnable();
const SHOTS = path.resolve("test-artifacts/screenshots");
const PERIOD = "from=2024-10-01&to=2024-11-01";
const PASSWORD = "un mot de passe assez long";

let dataDir: string;
let server: SpawnedServer;
let smtp: SmtpSink;
let browser: Browser;
let admin: string;

interface ApiSchedule {
  id: string;
  name: string;
  cron: string;
  paused: boolean;
  nextRuns: string[];
  lastRun: { state: string } | null;
}
interface ApiRun {
  id: string;
  state: string;
  attempts: number;
  sent: boolean;
  period: { from: string; to: string };
  artefacts: { format: string; language: string; url: string; bytes: number }[];
  deliveries: { purpose: string; state: string; recipients: string[] }[];
}

const schedulesOf = async (): Promise<ApiSchedule[]> => (await graphql<{ reportSchedules: ApiSchedule[] }>(server.url, "{ reportSchedules { id name cron paused nextRuns lastRun { state } } }", {}, { cookie: admin })).body.data?.reportSchedules ?? [];
const runsOf = async (): Promise<ApiRun[]> =>
  (await graphql<{ reportRuns: ApiRun[] }>(server.url, "{ reportRuns(limit: 50) { id state attempts sent period { from to } artefacts { format language url bytes } deliveries { purpose state recipients } } }", {}, { cookie: admin })).body.data?.reportRuns ?? [];

describe.runIf(runnable)("the Reports page in a browser, against the real server on the samples with a real SMTP server", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtpSink();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-reports-e2e-"));
    await loadSamples(dataDir);
    [server, browser] = await Promise.all([
      spawnServer({
        DATA_DIR: dataDir,
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: "none",
        SMTP_FROM: "Observatoire <rapports@observatoire.test>",
        REPORTS_CHECK_MS: "500",
        // The samples' ship calls end on 16 October: within 20 days of the week's end.
        REPORTS_MAX_DATA_AGE_HOURS: "480",
      }),
      launchChromium(),
    ]);
    admin = await signIn(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a schedule through the form, runs it now, downloads its PDF, re-sends it, edits, pauses, filters the log and deletes, in French then English", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, new URL(server.url).origin);
    await signInThroughForm(page, TEST_ADMIN.login, TEST_ADMIN.password, server.url);
    await page.goto(new URL(`rapports?${PERIOD}`, server.url).href);
    await page.getByRole("heading", { level: 1, name: /Rapports programmés/u }).waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 oct. 2024 – 31 oct. 2024");
    await page.getByText("Aucune programmation pour l'instant.").waitFor();
    await page.locator(".data-as-of").waitFor();
    expect(await page.getByText("Courriel non configuré").count()).toBe(0);
    await page.getByText("Observatoire <rapports@observatoire.test>").waitFor();

    // The form checks before sending: a bad address is said, the schedule is not created.
    await page.getByRole("button", { name: "Nouvelle programmation" }).click();
    const form = page.locator(".schedule-form");
    await form.getByLabel("Nom").fill("PAL — hebdomadaire");
    await form.getByLabel("Rapport", { exact: true }).selectOption("WEEKLY_OPERATIONS");
    await form.getByLabel("Chaque semaine").check();
    await form.getByLabel("Jour", { exact: true }).selectOption("1");
    await form.getByLabel("Heure (locale)").fill("07:00");
    await form.getByLabel("Adresse électronique 1").fill("dg@port");
    await form.getByRole("button", { name: "Créer la programmation" }).click();
    await form.getByText("Adresse électronique invalide : dg@port.").waitFor();
    expect((await schedulesOf()).length).toBe(0);
    await form.getByLabel("Adresse électronique 1").fill("dg@port.tg");
    await form.getByRole("button", { name: "Ajouter un destinataire" }).click();
    await form.getByLabel("Adresse électronique 2").fill("analyst@ministry.example");
    await form.getByLabel("Langue 2").selectOption("EN");
    await form.getByLabel("Adresse des avis au responsable (facultatif)").fill("statistiques@port.tg");
    await form.getByRole("button", { name: "Créer la programmation" }).click();
    await page.getByText("Programmation « PAL — hebdomadaire » enregistrée.").waitFor();

    // The card says what the API holds: the calendar, its cron, the next runs in Lomé time.
    const [schedule] = await schedulesOf();
    expect(schedule).toMatchObject({ name: "PAL — hebdomadaire", cron: "0 7 * * 1", paused: false, lastRun: null });
    const card = page.locator(`.schedule-card[data-schedule="${schedule?.id}"]`);
    expect(await card.locator(".schedule-timing").textContent()).toBe("Chaque lundi à 07:00 (Africa/Lome) — 0 7 * * 1");
    expect(await card.locator(".next-runs time").allTextContents()).toEqual(schedule?.nextRuns.map((iso) => formatDateTime(iso, "fr", "Africa/Lome")));
    expect(await card.textContent()).toContain("analyst@ministry.example (anglais)");

    // Run now for the week of 15 October 2024: the page follows the run until it has succeeded.
    await card.getByRole("button", { name: "Exécuter maintenant" }).click();
    await card.getByLabel("Période contenant le (facultatif)").fill("2024-10-15");
    await card.getByRole("button", { name: "Lancer l'exécution" }).click();
    await card.getByText("Exécution lancée pour 14 oct. 2024 – 20 oct. 2024.").waitFor();
    const runCard = page.locator(".run-card").first();
    await page.locator('.run-card[data-state="SUCCEEDED"]').waitFor({ timeout: 90_000 });
    const [run] = await runsOf();
    expect(run).toMatchObject({ state: "SUCCEEDED", sent: true, period: { from: "2024-10-14", to: "2024-10-21" } });
    expect(await runCard.getAttribute("data-run")).toBe(run?.id);
    expect(await runCard.locator('[data-field="attempts"]').textContent()).toBe(String(run?.attempts));
    expect(await runCard.locator('[data-field="sent"]').textContent()).toBe("oui");
    await card.locator('.last-run [data-state="SUCCEEDED"]').waitFor();
    // One document link per archived artefact (PDF and XLSX, in French and English), and the PDF downloads.
    const links = runCard.locator(".artefacts a");
    expect(await links.count()).toBe(run?.artefacts.length);
    expect(run?.artefacts.length).toBe(4);
    const pdf = runCard.locator('.artefacts a[data-format="PDF"][data-language="FR"]');
    expect(await pdf.getAttribute("href")).toBe(run?.artefacts.find((a) => a.format === "PDF" && a.language === "FR")?.url);
    const download = await page.request.get(new URL((await pdf.getAttribute("href")) ?? "", server.url).href);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("pdf");
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // The mail server received the report: one message per language.
    expect(smtp.accepted.filter((m) => runOf(m) === run?.id).length).toBe(2);

    // Re-send to another address: the mail server gets it, the run lists the re-send.
    await runCard.getByRole("button", { name: "Renvoyer" }).click();
    await runCard.getByLabel("ces adresses :").check();
    await runCard.getByLabel("Adresses (séparées par des virgules)").fill("autre@port.tg");
    await runCard.getByRole("button", { name: "Renvoyer maintenant" }).click();
    await runCard.getByText("Renvoi demandé ; son état est ci-dessous.").waitFor();
    await runCard.locator('.deliveries li[data-purpose="RESEND"][data-delivery-state="SENT"]').waitFor({ state: "attached" });
    expect(smtp.accepted.some((m) => JSON.stringify(m.to).includes("autre@port.tg"))).toBe(true);
    expect((await runsOf())[0]?.deliveries.some((d) => d.purpose === "RESEND" && d.state === "SENT" && d.recipients.includes("autre@port.tg"))).toBe(true);

    // Edit: the time changes, and the cron with it.
    await card.getByRole("button", { name: "Modifier" }).click();
    const editForm = page.locator(".schedule-form");
    await page.getByRole("heading", { name: "Modifier « PAL — hebdomadaire »" }).waitFor();
    expect(await editForm.getByLabel("Adresse électronique 2").inputValue()).toBe("analyst@ministry.example");
    await editForm.getByLabel("Heure (locale)").fill("08:30");
    await editForm.getByRole("button", { name: "Enregistrer" }).click();
    await card.locator(".schedule-timing", { hasText: "Chaque lundi à 08:30" }).waitFor();
    expect((await schedulesOf())[0]?.cron).toBe("30 8 * * 1");

    // Pause and resume.
    await card.getByRole("button", { name: "Mettre en pause" }).click();
    await card.getByText("aucune (en pause)").waitFor();
    expect((await schedulesOf())[0]?.paused).toBe(true);
    await card.getByRole("button", { name: "Reprendre" }).click();
    await card.locator(".next-runs time").first().waitFor();
    expect((await schedulesOf())[0]?.paused).toBe(false);

    // The run log's filters live in the address and come back from it; the period limits the log.
    await page.locator(".run-filters").getByLabel("État").selectOption("FAILED");
    await page.waitForURL(/rstate=FAILED/u);
    await page.getByText("Aucune exécution pour ces filtres.").waitFor();
    await page.locator(".run-filters").getByLabel("État").selectOption("SUCCEEDED");
    await page.waitForURL(/rstate=SUCCEEDED/u);
    await page.locator('.run-card[data-state="SUCCEEDED"]').waitFor();
    await card.getByRole("button", { name: "Voir ses exécutions" }).click();
    await page.waitForURL(new RegExp(`rschedule=${schedule?.id}`, "u"));
    const address = page.url();
    await page.reload();
    await page.locator('.run-card[data-state="SUCCEEDED"]').waitFor();
    expect(page.url()).toBe(address);
    expect(await page.locator(".run-filters").getByLabel("État").inputValue()).toBe("SUCCEEDED");
    expect(await page.locator(".run-filters").getByLabel("Programmation").inputValue()).toBe(schedule?.id);
    await page.locator('input[name="from"]').fill("2024-09-01");
    await page.locator('input[name="to"]').fill("2024-10-01");
    await page.waitForURL(/to=2024-10-01/u);
    await page.getByText("Aucune exécution pour ces filtres.").waitFor();
    expect(await page.locator("h1 .h1-period").textContent()).toBe("1 sept. 2024 – 30 sept. 2024");
    await page.goBack();
    await page.goBack();
    await page.locator('.run-card[data-state="SUCCEEDED"]').waitFor();

    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `reports-fr-${width}.png`), fullPage: true });
    }

    // English.
    await page.getByRole("button", { name: /English/u }).click();
    await page.getByRole("heading", { level: 1, name: /Scheduled reports/u }).waitFor();
    expect(await card.locator(".schedule-timing").textContent()).toBe("Every Monday at 08:30 (Africa/Lome) — 30 8 * * 1");
    expect(await runCard.locator('[data-field="sent"]').textContent()).toBe("yes");
    expect(await runCard.locator("h3").textContent()).toBe("PAL — hebdomadaire — 14 Oct 2024 – 20 Oct 2024");
    expect(page.url()).toContain("lang=en");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SHOTS, `reports-en-${width}.png`), fullPage: true });
    }
    await page.getByRole("button", { name: /Français/u }).click();
    await page.getByRole("heading", { level: 1, name: /Rapports programmés/u }).waitFor();

    // Delete, after a confirmation that can be cancelled; the run and its documents stay readable.
    await card.getByRole("button", { name: "Supprimer" }).click();
    await card.getByText("Supprimer « PAL — hebdomadaire » ? Ses exécutions et documents restent consultables.").waitFor();
    await card.getByRole("button", { name: "Annuler" }).click();
    expect(await card.getByRole("button", { name: "Confirmer la suppression" }).count()).toBe(0);
    await card.getByRole("button", { name: "Supprimer" }).click();
    await card.getByRole("button", { name: "Confirmer la suppression" }).click();
    await page.getByText("Programmation « PAL — hebdomadaire » supprimée.").waitFor();
    await page.getByText("Aucune programmation pour l'instant.").waitFor();
    expect(await schedulesOf()).toEqual([]);
    await page.locator('.run-card[data-state="SUCCEEDED"]').waitFor();
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await page.close();
  });

  it("shows a ministry its own schedules read-only, with their documents, and hides the page from an operator", async () => {
    for (const [login, role] of [
      ["ministere.bf", "MINISTRY"],
      ["operateur.rapports", "OPERATOR"],
    ]) {
      const created = await graphql(server.url, `mutation { createUser(input: { login: "${login}", displayName: "${login}", role: ${role}, password: "${PASSWORD}" }) { login } }`, {}, { cookie: admin });
      expect(created.body.errors).toBeUndefined();
    }
    const created = await graphql<{ createReportSchedule: { id: string } }>(
      server.url,
      'mutation { createReportSchedule(input: { name: "Ministère BF — mensuel", kind: MONTHLY_CORRIDOR, rule: MONTHLY_FIRST_WORKING_DAY, time: "07:00", recipients: [{ address: "ministere@finances.bf" }], ownerLogin: "ministere.bf", ownerEmail: "ministere@finances.bf" }) { id } }',
      {},
      { cookie: admin },
    );
    expect(created.body.errors).toBeUndefined();
    const scheduleId = created.body.data?.createReportSchedule.id;
    const started = await graphql<{ runReportNow: { id: string } }>(server.url, 'mutation($id: ID!) { runReportNow(scheduleId: $id, periodContaining: "2024-10-15") { id } }', { id: scheduleId }, { cookie: admin });
    const runId = started.body.data?.runReportNow.id;
    for (let i = 0; i < 120 && (await runsOf()).find((r) => r.id === runId)?.state !== "SUCCEEDED"; i++) await new Promise((resolve) => setTimeout(resolve, 500));

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = watch(page, new URL(server.url).origin);
    await signInThroughForm(page, "ministere.bf", PASSWORD, server.url);
    expect(await page.locator("nav.site-nav").getByRole("link", { name: "Rapports" }).count()).toBe(1);
    await page.goto(new URL(`rapports?${PERIOD}`, server.url).href);
    await page.getByRole("heading", { level: 1, name: /Rapports programmés/u }).waitFor();
    const card = page.locator(`.schedule-card[data-schedule="${created.body.data?.createReportSchedule.id}"]`);
    await card.waitFor();
    expect(await page.locator(".schedule-card").count()).toBe(1);
    expect(await page.getByText("Votre rôle permet de consulter vos programmations").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Nouvelle programmation" }).count()).toBe(0);
    for (const action of ["Exécuter maintenant", "Modifier", "Supprimer", "Mettre en pause"]) expect(await card.getByRole("button", { name: action }).count(), action).toBe(0);
    // Its run, with its documents: downloadable with the ministry's session; no re-send.
    const runCard = page.locator(`.run-card[data-run="${runId}"]`);
    await runCard.waitFor();
    expect(await runCard.getAttribute("data-state")).toBe("SUCCEEDED");
    expect(await runCard.getByRole("button", { name: "Renvoyer" }).count()).toBe(0);
    const xlsx = runCard.locator('.artefacts a[data-format="XLSX"]').first();
    const download = await page.request.get(new URL((await xlsx.getAttribute("href")) ?? "", server.url).href);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 2).toString()).toBe("PK");
    expect(await page.locator(".run-card").count()).toBe(1); // only its own schedule's runs
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();

    const operatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const operator = await operatorContext.newPage();
    await signInThroughForm(operator, "operateur.rapports", PASSWORD, server.url);
    expect(await operator.locator("nav.site-nav").getByRole("link", { name: "Rapports" }).count()).toBe(0);
    await operator.goto(new URL(`rapports?${PERIOD}`, server.url).href);
    await operator.getByText("Votre rôle ne donne pas accès à cette page.").waitFor();
    await operatorContext.close();
  });
});
