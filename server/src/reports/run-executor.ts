import type { Logger } from "@corridor/warehouse";
import type { Period } from "../metrics/query/period.js";
import { artefactFileName, CONTENT_TYPES, readArtefact, writeArtefact } from "./artefact-files.js";
import { buildReport } from "./document/report-builder.js";
import type { ReportDocument } from "./document/report-document.js";
import type { ReportSources } from "./document/report-inputs.js";
import { noticeMail, reportMail } from "./email-content.js";
import type { Mailer } from "./mailer.js";
import { renderCsv } from "./render/render-csv.js";
import { renderPdf } from "./render/render-pdf.js";
import { renderXlsx } from "./render/render-xlsx.js";
import { runIdOf, type Artefact, type Delivery, type Language, type Recipient, type ReportFormat, type RunRecord, type RunTrigger, type ScheduleRecord } from "./report-records.js";
import { ReportRequestError } from "./report-service.js";
import type { ReportSettings } from "./report-settings.js";
import type { ReportStore } from "./report-store.js";

export interface ExecutorOptions {
  readonly store: ReportStore;
  readonly sources: ReportSources;
  readonly settings: ReportSettings;
  /** null when SMTP is not configured: reports are produced and archived, and say they were not sent. */
  readonly mailer: Mailer | null;
  readonly logger: Logger;
}

/** Notices to owners are tried at every look of the scheduler, this many times at most. */
const MAX_NOTICE_ATTEMPTS = 100;

const now = () => new Date().toISOString();
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);
const isNotice = (d: Delivery) => d.purpose === "failure_notice" || d.purpose === "hold_notice";

const NO_SMTP = "SMTP non configuré : rapport produit et archivé, pas envoyé. / SMTP not configured: report produced and archived, not sent.";

function byLanguage(recipients: readonly Recipient[]): Map<Language, string[]> {
  const groups = new Map<Language, string[]>();
  for (const r of recipients) groups.set(r.language, [...(groups.get(r.language) ?? []), r.address]);
  return groups;
}

/**
 * Runs reports: reads the figures, checks them, writes the documents, sends
 * the e-mails, and records each step in report_runs before the next one, so
 * that a restart knows where a run stopped (docs/reports.md, "Delivery").
 * Work goes one run at a time: a report asks the engine many questions, and
 * two at once would only slow both.
 */
export class RunExecutor {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly queued = new Map<string, number>();

  constructor(private readonly options: ExecutorOptions) {}

  /** True while work on this run is queued or under way in this process. */
  isBusy(runId: string): boolean {
    return (this.queued.get(runId) ?? 0) > 0;
  }

  /** Resolves once the work queued so far is over. */
  idle(): Promise<void> {
    return this.chain.then(
      () => undefined,
      () => undefined,
    );
  }

  private enqueue<T>(runId: string, work: () => Promise<T>): Promise<T> {
    this.queued.set(runId, (this.queued.get(runId) ?? 0) + 1);
    const result = this.chain.then(work);
    const done = () => {
      const left = (this.queued.get(runId) ?? 1) - 1;
      if (left <= 0) this.queued.delete(runId);
      else this.queued.set(runId, left);
    };
    this.chain = result.then(done, done);
    return result;
  }

  /**
   * Records the run of a schedule for a period, if there is none yet: the run
   * id is the same for whoever finds the period due, so this is where "one
   * run per schedule and period" holds. Returns null when the run exists.
   */
  async create(schedule: ScheduleRecord, period: Period, trigger: RunTrigger, scheduledFor: Date, requestedBy: string | null): Promise<RunRecord | null> {
    const id = runIdOf(schedule.id, period);
    if (await this.options.store.run(id)) return null;
    return this.options.store.putRun(
      {
        id,
        scheduleId: schedule.id,
        scheduleName: schedule.name,
        kind: schedule.kind,
        period,
        timeZone: schedule.timeZone,
        trigger,
        scheduledFor: scheduledFor.toISOString(),
        state: "scheduled",
        attempts: 0,
        nextAttemptAt: null,
        startedAt: null,
        finishedAt: null,
        recipients: schedule.recipients.map((r) => r.address),
        dataCheck: null,
        dataNote: "",
        artefacts: [],
        deliveries: [],
        notSentReason: "",
        error: "",
        ownerNotice: "",
        requestedBy: requestedBy ?? "",
      },
      null,
    );
  }

  /** Takes a run one step further, in the background; what happens is recorded on the run. */
  advance(runId: string): Promise<void> {
    return this.enqueue(runId, () => this.step(runId)).catch((error: unknown) => this.options.logger.error({ runId, error: message(error) }, "report run step failed"));
  }

  /** "Run now": a new run, or another try of a held or failed one; a period already sent is refused. */
  async runNow(schedule: ScheduleRecord, period: Period, requestedBy: string): Promise<RunRecord> {
    const id = runIdOf(schedule.id, period);
    const run = await this.enqueue(id, async () => {
      const existing = await this.options.store.run(id);
      if (!existing) return (await this.create(schedule, period, "manual", new Date(), requestedBy)) as RunRecord;
      if (existing.state === "succeeded") {
        throw new ReportRequestError("cette période est déjà produite : renvoyez-la plutôt (resendReportRun) / this period is already produced: re-send it instead (resendReportRun)");
      }
      if (existing.state === "held" || existing.state === "failed") {
        // The figures may have changed (data loaded since): produce again, keep the e-mail history.
        return this.options.store.putRun({ ...existing, trigger: "manual", requestedBy, state: "scheduled", attempts: 0, nextAttemptAt: null, error: "", notSentReason: "", dataCheck: null, dataNote: "", artefacts: [], scheduleName: schedule.name, recipients: schedule.recipients.map((r) => r.address) }, existing.version);
      }
      if (existing.state === "retrying") return this.options.store.putRun({ ...existing, nextAttemptAt: now() }, existing.version);
      return existing;
    });
    void this.advance(id);
    return run;
  }

  /** Sends a produced run again; answers once the e-mails were tried. */
  resend(run: RunRecord, schedule: ScheduleRecord, recipients: readonly Recipient[], requestedBy: string): Promise<RunRecord> {
    return this.enqueue(run.id, async () => {
      const { mailer, store } = this.options;
      let current = (await store.run(run.id)) ?? run;
      if (!["succeeded", "failed", "held"].includes(current.state)) throw new ReportRequestError("exécution en cours : attendez sa fin / run in progress: wait for it to end");
      if (!current.artefacts.some((a) => a.format === "json")) throw new ReportRequestError("rien à renvoyer : cette exécution n'a produit aucun document ; relancez-la (runReportNow) / nothing to re-send: this run produced no document; run it again (runReportNow)");
      if (mailer === null) throw new ReportRequestError("SMTP non configuré : aucun courriel ne peut partir / SMTP not configured: no e-mail can go out");
      const document = await this.archivedDocument(current);
      const groups = byLanguage(recipients);
      current = await this.ensureLanguages(current, document, [...groups.keys()], schedule.formats);
      const round = new Set(current.deliveries.filter((d) => d.purpose === "resend").map((d) => d.id.split("-")[1])).size + 1;
      const fresh: Delivery[] = [...groups].map(([language, to]) => this.delivery(current.id, `resend-${round}-${language}`, "resend", language, to, requestedBy));
      current = await store.putRun({ ...current, deliveries: [...current.deliveries, ...fresh] }, current.version);
      for (const d of fresh) current = await this.sendReport(current, schedule, document, d.id, false);
      const sent = current.deliveries.some((d) => fresh.some((f) => f.id === d.id) && d.state === "sent");
      // A held or failed run that has now reached its readers is done.
      if (sent && current.state !== "succeeded") current = await store.putRun({ ...current, state: "succeeded", notSentReason: "", finishedAt: now() }, current.version);
      return current;
    });
  }

  private delivery(runId: string, id: string, purpose: Delivery["purpose"], language: Language, to: readonly string[], requestedBy: string | null): Delivery {
    const domain = this.options.mailer?.domain ?? "corridor.invalid";
    return { id, purpose, language, recipients: [...to], messageId: `<${runId}.${id}@${domain}>`, state: "pending", attempts: 0, at: now(), error: null, requestedBy };
  }

  private async step(runId: string): Promise<void> {
    const { store } = this.options;
    const run = await store.run(runId);
    if (!run) return;
    const due = run.state !== "retrying" || run.nextAttemptAt === null || Date.parse(run.nextAttemptAt) <= Date.now();
    if (["scheduled", "running", "sending", "retrying"].includes(run.state) && due) {
      const schedule = await store.schedule(run.scheduleId);
      if (schedule) await this.attempt(run, schedule);
    }
    await this.sendNotices(runId);
  }

  /**
   * One try of a run, from where it stopped: documents are produced unless
   * they already are (a retry after a refused e-mail sends the same
   * documents), then the e-mails not yet accepted are sent.
   */
  private async attempt(run: RunRecord, schedule: ScheduleRecord): Promise<void> {
    const { store, mailer, settings, logger } = this.options;
    let current = await store.putRun({ ...run, state: run.state === "sending" ? "sending" : "running", attempts: run.attempts + 1, startedAt: now(), finishedAt: null, nextAttemptAt: null }, run.version);
    try {
      let document: ReportDocument;
      if (current.dataCheck === null || !current.artefacts.some((a) => a.format === "json")) {
        document = await buildReport(this.options.sources, { kind: schedule.kind, scheduleName: schedule.name, period: current.period, timeZone: current.timeZone, countries: schedule.countries, scope: schedule.ownerScope, maxDataAgeHours: settings.maxDataAgeHours });
        const artefacts = await this.produce(current.id, document, [...new Set(schedule.recipients.map((r) => r.language))], schedule.formats);
        current = await store.putRun({ ...current, artefacts, dataCheck: document.check.state, dataNote: `${document.check.note.fr} / ${document.check.note.en}` }, current.version);
      } else {
        document = await this.archivedDocument(current);
      }
      const reportSent = current.deliveries.some((d) => d.purpose === "report" && d.state === "sent");
      if (current.dataCheck !== "ok" && schedule.staleAction === "hold" && !reportSent) {
        const held: RunRecord = { ...current, state: "held", notSentReason: `Retenu : ${document.check.note.fr} / Held: ${document.check.note.en}`, finishedAt: now(), error: "" };
        await this.endWithNotice(held, schedule, "hold_notice", current.dataNote);
        return;
      }
      if (mailer === null) {
        await store.putRun({ ...current, state: "succeeded", notSentReason: NO_SMTP, finishedAt: now(), error: "" }, current.version);
        return;
      }
      // One e-mail per language; a language whose e-mail was accepted in an earlier try is not sent again.
      const planned = current.deliveries.filter((d) => d.purpose === "report").map((d) => d.language);
      const missing = [...byLanguage(schedule.recipients)].filter(([language]) => !planned.includes(language));
      if (missing.length > 0) {
        current = await store.putRun({ ...current, deliveries: [...current.deliveries, ...missing.map(([language, to]) => this.delivery(current.id, `report-${language}`, "report", language, to, null))] }, current.version);
      }
      for (const d of current.deliveries.filter((x) => x.purpose === "report" && x.state !== "sent")) current = await this.sendReport(current, schedule, document, d.id, true);
      await store.putRun({ ...current, state: "succeeded", notSentReason: "", finishedAt: now(), error: "" }, current.version);
    } catch (error) {
      const latest = (await store.run(current.id)) ?? current;
      const reason = message(error);
      logger.warn({ runId: latest.id, attempt: latest.attempts, error: reason }, "report run try failed");
      if (latest.attempts >= settings.maxAttempts) {
        const deliveries = latest.deliveries.map((d) => (d.purpose === "report" && d.state !== "sent" ? { ...d, state: "failed" as const } : d));
        logger.error({ runId: latest.id, error: reason }, "report run failed after its last try");
        await this.endWithNotice({ ...latest, deliveries, state: "failed", error: reason, finishedAt: now(), nextAttemptAt: null }, schedule, "failure_notice", reason);
      } else {
        const wait = settings.retryDelayMs * 2 ** Math.max(0, latest.attempts - 1);
        await store.putRun({ ...latest, state: "retrying", error: reason, nextAttemptAt: new Date(Date.now() + wait).toISOString() }, latest.version);
      }
    }
  }

  /**
   * One report e-mail. Its delivery is written 'sending' before SMTP is asked
   * and 'sent' as soon as the server accepted it. A restart that finds it
   * 'sending' sends it again with the same Message-ID (docs/reports.md says
   * what that guarantees). With `throwOnError`, a refusal fails the try (the
   * run retries); otherwise it is recorded and the caller sees it.
   */
  private async sendReport(run: RunRecord, schedule: ScheduleRecord, document: ReportDocument, deliveryId: string, throwOnError: boolean): Promise<RunRecord> {
    const { store, mailer } = this.options;
    const delivery = run.deliveries.find((d) => d.id === deliveryId);
    if (!delivery || !mailer) return run;
    const update = (r: RunRecord, patch: Partial<Delivery>, extra: Partial<RunRecord> = {}) => store.putRun({ ...r, ...extra, deliveries: r.deliveries.map((d) => (d.id === deliveryId ? { ...d, ...patch, at: now() } : d)) }, r.version);
    let current = await update(run, { state: "sending", attempts: delivery.attempts + 1 }, throwOnError ? { state: "sending" } : {});
    try {
      const mail = reportMail(document, delivery.language);
      const wanted = new Set<string>(schedule.formats);
      const attachments = await Promise.all(
        current.artefacts
          .filter((a) => a.language === delivery.language && a.format !== "json" && wanted.has(a.format))
          .map(async (a) => ({ filename: a.file, content: await readArtefact(this.options.settings.dir, current.id, a), contentType: CONTENT_TYPES[a.format] })),
      );
      const outcome = await mailer.send({ to: delivery.recipients, subject: mail.subject, text: mail.text, messageId: delivery.messageId, headers: { "X-Corridor-Run": current.id, "X-Corridor-Delivery": delivery.id }, attachments });
      current = await update(current, { state: "sent", error: outcome.rejected.length > 0 ? `refusé par le serveur / refused by the server: ${outcome.rejected.join(", ")}` : null });
    } catch (error) {
      current = await update(current, { state: throwOnError ? "pending" : "failed", error: message(error) });
      if (throwOnError) throw error;
    }
    return current;
  }

  /**
   * Ends a run as failed or held and tells its owner, by e-mail when it can. The end state and the notice
   * to send are one write: a crash right after it still leaves the notice pending for the next look, so
   * an owner is never left untold. The run says what was done.
   */
  private async endWithNotice(ended: RunRecord, schedule: ScheduleRecord, purpose: "failure_notice" | "hold_notice", detail: string): Promise<void> {
    const { store, mailer, logger } = this.options;
    const what = purpose === "failure_notice" ? "Échec signalé / Failure reported" : "Rapport retenu signalé / Held report reported";
    if (mailer === null) {
      logger.error({ runId: ended.id, owner: schedule.ownerEmail, purpose, detail }, "report notice not e-mailed: SMTP not configured");
      await store.putRun({ ...ended, ownerNotice: `${what} : SMTP non configuré, avis non envoyé à ${schedule.ownerEmail} (journal du serveur et cette page). / SMTP not configured, notice not sent to ${schedule.ownerEmail} (server log and this page).` }, ended.version);
      return;
    }
    const count = ended.deliveries.filter((d) => d.purpose === purpose).length + 1;
    const d = this.delivery(ended.id, `${purpose.replace("_", "-")}-${count}`, purpose, "fr", [schedule.ownerEmail], null);
    await store.putRun({ ...ended, deliveries: [...ended.deliveries, d], ownerNotice: `${what} : avis à envoyer à ${schedule.ownerEmail}. / notice to send to ${schedule.ownerEmail}.` }, ended.version);
    await this.sendNotices(ended.id);
  }

  /** Notices not yet accepted by the mail server: tried now, and again at each look of the scheduler. */
  private async sendNotices(runId: string): Promise<void> {
    const { store, mailer, logger } = this.options;
    if (mailer === null) return;
    let run = await store.run(runId);
    if (!run) return;
    for (const d of run.deliveries.filter((x) => isNotice(x) && (x.state === "pending" || x.state === "sending"))) {
      const update = (r: RunRecord, patch: Partial<Delivery>, ownerNotice: string) => store.putRun({ ...r, ownerNotice, deliveries: r.deliveries.map((x) => (x.id === d.id ? { ...x, ...patch, at: now() } : x)) }, r.version);
      const what = d.purpose === "failure_notice" ? "Échec signalé / Failure reported" : "Rapport retenu signalé / Held report reported";
      run = await update(run, { state: "sending", attempts: d.attempts + 1 }, run.ownerNotice);
      try {
        const mail = noticeMail(run, d.purpose as "failure_notice" | "hold_notice", d.purpose === "failure_notice" ? run.error : run.dataNote);
        await mailer.send({ to: d.recipients, subject: mail.subject, text: mail.text, messageId: d.messageId, headers: { "X-Corridor-Run": run.id, "X-Corridor-Delivery": d.id }, attachments: [] });
        run = await update(run, { state: "sent", error: null }, `${what} : avis envoyé à ${d.recipients.join(", ")} le ${now()}. / notice sent to ${d.recipients.join(", ")} at ${now()}.`);
      } catch (error) {
        const final = d.attempts + 1 >= MAX_NOTICE_ATTEMPTS;
        logger.warn({ runId, delivery: d.id, error: message(error) }, "report notice not sent yet");
        run = await update(run, { state: final ? "failed" : "pending", error: message(error) }, `${what} : avis non envoyé à ${d.recipients.join(", ")} (${message(error)}), ${final ? "abandonné" : "nouvel essai au prochain passage"}. / notice not sent (${final ? "given up" : "tried again at the next look"}).`);
      }
    }
  }

  /** Writes the report's documents: JSON (its figures, for re-sends and CSV on request), and PDF and workbook per language. */
  private async produce(runId: string, document: ReportDocument, languages: readonly Language[], formats: readonly ReportFormat[]): Promise<Artefact[]> {
    const dir = this.options.settings.dir;
    const artefacts: Artefact[] = [await writeArtefact(dir, runId, "report.json", Buffer.from(JSON.stringify(document)), "json", null)];
    for (const language of languages.length > 0 ? languages : (["fr"] as const)) artefacts.push(...(await this.render(runId, document, language, formats)));
    return artefacts;
  }

  private async render(runId: string, document: ReportDocument, language: Language, formats: readonly ReportFormat[]): Promise<Artefact[]> {
    const dir = this.options.settings.dir;
    const name = (format: ReportFormat) => artefactFileName(document.kind, document.period, language, format);
    const out = [await writeArtefact(dir, runId, name("pdf"), await renderPdf(document, language), "pdf", language), await writeArtefact(dir, runId, name("xlsx"), await renderXlsx(document, language), "xlsx", language)];
    if (formats.includes("csv")) out.push(await writeArtefact(dir, runId, name("csv"), renderCsv(document, language), "csv", language));
    return out;
  }

  /** Documents in a language the run was not produced in (a re-send to an English reader), from its archived figures. */
  private async ensureLanguages(run: RunRecord, document: ReportDocument, languages: readonly Language[], formats: readonly ReportFormat[]): Promise<RunRecord> {
    const missing = languages.filter((l) => !run.artefacts.some((a) => a.language === l && a.format === "pdf"));
    if (missing.length === 0) return run;
    const added: Artefact[] = [];
    for (const language of missing) added.push(...(await this.render(run.id, document, language, formats)));
    return this.options.store.putRun({ ...run, artefacts: [...run.artefacts, ...added] }, run.version);
  }

  async archivedDocument(run: RunRecord): Promise<ReportDocument> {
    const json = run.artefacts.find((a) => a.format === "json");
    if (!json) throw new Error(`run ${run.id} has no archived figures`);
    return JSON.parse((await readArtefact(this.options.settings.dir, run.id, json)).toString("utf8")) as ReportDocument;
  }
}
