import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../../../test/support/sample-server.js";
import { graphql, signIn, spawnServer, type SpawnedServer } from "../../../test/support/spawn-server.js";
import { formatValue } from "../../src/reports/document/number-format.js";
import { pdfPages } from "./pdf-text.js";
import { deliveryOf, runOf, startSmtpSink, type SmtpSink } from "./smtp-sink.js";

// The platform as `pnpm start` runs it, over the sample scenario (October 2024),
// e-mailing through a real SMTP server started here.
let dataDir: string;
let server: SpawnedServer;
let cookie: string;
let smtp: SmtpSink;

const env = () => ({
  DATA_DIR: dataDir,
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(smtp.port),
  SMTP_SECURE: "none",
  SMTP_FROM: "Observatoire <rapports@observatoire.test>",
  REPORTS_CHECK_MS: "300",
  REPORTS_RETRY_DELAY_MS: "200",
  REPORTS_MAX_ATTEMPTS: "3",
  // The samples' ship calls end on 16 October (EXPECTED §1): within 20 days of the month's end.
  REPORTS_MAX_DATA_AGE_HOURS: "480",
});

const SCHEDULE = `mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id cron nextRuns } }`;
const RUN_NOW = `mutation($id: ID!, $day: String) { runReportNow(scheduleId: $id, periodContaining: $day) { id state period { from to } } }`;
const RUN = `query($id: ID!) { reportRun(id: $id) { id state attempts sent notSentReason error ownerNotice dataCheck
  artefacts { format language fileName bytes url } deliveries { purpose language recipients messageId state attempts error } } }`;
const RESEND = `mutation($id: ID!) { resendReportRun(runId: $id) { id state sent deliveries { purpose state messageId } } }`;

interface Run {
  id: string;
  state: string;
  attempts: number;
  sent: boolean;
  notSentReason: string | null;
  error: string | null;
  ownerNotice: string | null;
  dataCheck: string | null;
  artefacts: { format: string; language: string; fileName: string; bytes: number; url: string }[];
  deliveries: { purpose: string; language: string; recipients: string[]; messageId: string; state: string; attempts: number; error: string | null }[];
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await graphql<T>(server.url, query, variables, { cookie });
  if (body.errors) throw new Error(`${JSON.stringify(body.errors)}\n${server.output().slice(-3000)}`);
  return body.data as T;
}

async function createSchedule(input: Record<string, unknown>): Promise<string> {
  const data = await gql<{ createReportSchedule: { id: string } }>(SCHEDULE, {
    input: { rule: "MONTHLY_FIRST_WORKING_DAY", time: "07:00", ownerEmail: "owner@observatoire.test", ...input },
  });
  return data.createReportSchedule.id;
}

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const runNow = async (scheduleId: string, day: string) => (await gql<{ runReportNow: { id: string } }>(RUN_NOW, { id: scheduleId, day })).runReportNow.id;
const runState = async (id: string) => (await gql<{ reportRun: Run }>(RUN, { id })).reportRun;
const settled = (id: string, states: string[]) => until(`run ${id} in ${states.join("/")}`, async () => {
  const run = await runState(id);
  return states.includes(run.state) ? run : null;
});

beforeAll(async () => {
  smtp = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-reports-"));
  await loadSamples(dataDir);
  server = await spawnServer(env());
  cookie = await signIn(server.url);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("scheduled reports, delivered by e-mail", () => {
  it("e-mails the monthly report with its PDF and workbook, whose figures are the API's for that period", async () => {
    const scheduleId = await createSchedule({ name: "PAL mensuel", kind: "MONTHLY_CORRIDOR", recipients: [{ address: "dg@port.test", language: "FR" }, { address: "analyst@ministry.test", language: "EN" }] });
    const runId = await runNow(scheduleId, "2024-10-15");
    expect(runId).toBe(`${scheduleId}_2024-10-01_2024-11-01`);
    const run = await settled(runId, ["SUCCEEDED", "FAILED"]);
    expect(run).toMatchObject({ state: "SUCCEEDED", sent: true, dataCheck: "OK", notSentReason: null });
    const mails = smtp.accepted.filter((m) => runOf(m) === runId);
    expect(mails).toHaveLength(2);
    const fr = mails.find((m) => m.to && JSON.stringify(m.to).includes("dg@port.test"));
    expect(fr?.subject).toBe("Rapport mensuel du corridor Lomé–AES — 1 octobre 2024 – 31 octobre 2024");
    expect(fr?.messageId).toBe(run.deliveries.find((d) => d.language === "FR")?.messageId);
    expect(fr?.attachments.map((a) => a.filename).sort()).toEqual(["rapport-mensuel-corridor_2024-10.pdf", "rapport-mensuel-corridor_2024-10.xlsx"]);
    const pdf = fr?.attachments.find((a) => a.filename?.endsWith(".pdf"))?.content as Buffer;
    const xlsx = fr?.attachments.find((a) => a.filename?.endsWith(".xlsx"))?.content as Buffer;

    // The same period asked of the API: every country figure appears in the PDF as the PDF writes numbers.
    const api = await gql<{ countryFigures: { countries: { country: string; tonnes: { value: number | null }; customsRevenue: { value: number | null }; portCharges: { value: number | null }; portDwellP50: { value: number | null }; corridorTransitP90: { value: number | null } }[] } }>(
      `{ countryFigures(period: { from: "2024-10-01", to: "2024-11-01" }) { countries { country tonnes { value } customsRevenue { value } portCharges { value } portDwellP50 { value } corridorTransitP90 { value } } } }`,
    );
    const text = (await pdfPages(pdf)).join("\n");
    let checked = 0;
    for (const c of api.countryFigures.countries) {
      const figures = [[c.tonnes.value, "tonnes"], [c.customsRevenue.value, "xof"], [c.portCharges.value, "xof"], [c.portDwellP50.value, "hours"], [c.corridorTransitP90.value, "hours"]] as const;
      for (const [value, kind] of figures) {
        if (value === null) continue;
        expect(text, `${c.country} ${kind} ${value}`).toContain(formatValue(value, kind, "fr").replace(/\u00A0/gu, " "));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    expect(text).toContain("4 477 750 FCFA");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain("Recettes par pays");
    const volumes = book.getWorksheet("Volumes par pays");
    const bf = volumes?.getRows(2, (volumes?.rowCount ?? 1) - 1)?.find((r) => String(r.getCell(1).value).includes("(BF)"));
    expect(bf?.getCell(2).value).toBe(api.countryFigures.countries.find((c) => c.country === "BF")?.tonnes.value);

    // The archive serves what was sent, to the same credentials as the API.
    const pdfArtefact = run.artefacts.find((a) => a.format === "PDF" && a.language === "FR");
    const download = await fetch(new URL(pdfArtefact?.url.slice(1) ?? "", server.url), { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await fetch(new URL(pdfArtefact?.url.slice(1) ?? "", server.url))).status).toBe(401);
    const csv = await fetch(new URL(`api/reports/runs/${runId}/csv?language=en`, server.url), { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Revenue by country (XOF),Burkina Faso (BF),Customs revenue,4477750,XOF");

    // The same schedule and period is never produced twice: "run now" is refused, nothing more is sent.
    const again = await graphql(server.url, RUN_NOW, { id: scheduleId, day: "2024-10-31" }, { cookie });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.accepted.filter((m) => runOf(m) === runId)).toHaveLength(2);
  }, 180_000);

  it("retries while SMTP refuses connections, then fails and tells the owner; once SMTP is back a re-send goes out once", async () => {
    const scheduleId = await createSchedule({ name: "PAL hebdomadaire", kind: "WEEKLY_OPERATIONS", rule: "WEEKLY", weekday: 1, recipients: [{ address: "ops@port.test", language: "FR" }] });
    await smtp.close();
    const runId = await runNow(scheduleId, "2024-10-15");
    const failed = await settled(runId, ["FAILED", "SUCCEEDED"]);
    expect(failed.state).toBe("FAILED");
    expect(failed.attempts).toBe(3);
    expect(failed.sent).toBe(false);
    expect(failed.error).toMatch(/ECONNREFUSED|connect/iu);
    const notice = failed.deliveries.find((d) => d.purpose === "FAILURE_NOTICE");
    expect(notice?.recipients).toEqual(["owner@observatoire.test"]);
    expect(["PENDING", "SENDING"]).toContain(notice?.state);
    expect(failed.ownerNotice).toMatch(/avis (non envoyé|à envoyer).*notice (not sent|to send)/su);
    expect(failed.artefacts.map((a) => a.format).sort()).toEqual(["PDF", "XLSX"]);

    await smtp.reopen();
    // The pending notice goes out at the scheduler's next look.
    const noticed = await until("the failure notice", async () => smtp.accepted.find((m) => runOf(m) === runId && deliveryOf(m).startsWith("failure-notice")) ?? null);
    expect(noticed.subject).toMatch(/^\[Échec \/ Failed\] PAL hebdomadaire/u);
    const resent = (await gql<{ resendReportRun: Run }>(RESEND, { id: runId })).resendReportRun;
    expect(resent).toMatchObject({ state: "SUCCEEDED", sent: true });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const reports = smtp.accepted.filter((m) => runOf(m) === runId && !deliveryOf(m).startsWith("failure-notice"));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.attachments).toHaveLength(2);
    expect(deliveryOf(reports[0] as never)).toBe("resend-1-fr");
  }, 180_000);

  it("delivers exactly once when the platform is killed in the middle of sending and started again", async () => {
    const scheduleId = await createSchedule({ name: "Ministère BF", kind: "MONTHLY_CORRIDOR", countries: ["BF"], recipients: [{ address: "ministere@bf.test", language: "FR" }] });
    smtp.hold(true);
    const runId = await runNow(scheduleId, "2024-10-01");
    // The SMTP server has the whole message but has not answered: the platform's record says "sending".
    await until("the message to reach the SMTP server", async () => (smtp.unanswered.some((m) => runOf(m) === runId) ? true : null));
    expect((await runState(runId)).state).toBe("SENDING");
    server.process.kill("SIGKILL");
    await new Promise((resolve) => server.process.once("exit", resolve));
    smtp.hold(false);
    server = await spawnServer(env());
    cookie = await signIn(server.url);
    const run = await settled(runId, ["SUCCEEDED", "FAILED"]);
    expect(run.state).toBe("SUCCEEDED");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const delivered = smtp.accepted.filter((m) => runOf(m) === runId);
    expect(delivered).toHaveLength(1);
    // The message sent again is the same message: same Message-ID as the one left unanswered.
    expect(delivered[0]?.messageId).toBe(smtp.unanswered.find((m) => runOf(m) === runId)?.messageId);
    expect(run.deliveries.filter((d) => d.purpose === "REPORT")).toHaveLength(1);
  }, 240_000);
});
