import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Principal } from "../auth/principal.js";
import { REPORT_MANAGERS, REPORT_VIEWERS, ReportRequestError } from "../reports/report-service.js";
import type { RunRecord, ScheduleRecord } from "../reports/report-records.js";
import { ScheduleError } from "../reports/schedule-rules.js";
import { artefactUrl } from "../reports/artefact-files.js";
import { unauthenticated } from "./auth-checker.js";
import type { Context } from "./context.js";
import {
  DataCheckEnum,
  DeliveryPurposeEnum,
  DeliveryStateEnum,
  ReportFormatEnum,
  ReportKindEnum,
  ReportLanguageEnum,
  ReportRunStateEnum,
  ReportRunTriggerEnum,
  ScheduleRuleEnum,
  StaleDataActionEnum,
} from "./reports.enums.js";
import { ReportRecipientInput, ReportRun, ReportSchedule, ReportScheduleInput, ReportSettings } from "./reports.types.js";

const MAX_RUNS = 200;

function toSchedule(record: ScheduleRecord, nextRuns: Date[]): ReportSchedule {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind as ReportKindEnum,
    rule: record.rule as ScheduleRuleEnum,
    weekday: record.weekday,
    time: record.atTime,
    cron: record.cron,
    timeZone: record.timeZone,
    recipients: record.recipients.map((r) => ({ address: r.address, language: r.language as ReportLanguageEnum })),
    formats: record.formats.map((f) => f as ReportFormatEnum),
    countries: [...record.countries],
    staleDataAction: record.staleAction as StaleDataActionEnum,
    owner: record.ownerLogin,
    ownerEmail: record.ownerEmail,
    scope: record.ownerScope,
    paused: record.paused,
    nextRuns,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
  };
}

const orNull = (text: string) => (text === "" ? null : text);
const date = (value: string | null) => (value === null ? null : new Date(value));

export function toReportRun(record: RunRecord): ReportRun {
  return {
    id: record.id,
    scheduleId: record.scheduleId,
    scheduleName: record.scheduleName,
    kind: record.kind as ReportKindEnum,
    period: { ...record.period },
    timeZone: record.timeZone,
    trigger: record.trigger as ReportRunTriggerEnum,
    state: record.state as ReportRunStateEnum,
    scheduledFor: new Date(record.scheduledFor),
    startedAt: date(record.startedAt),
    finishedAt: date(record.finishedAt),
    attempts: record.attempts,
    nextAttemptAt: date(record.nextAttemptAt),
    recipients: [...record.recipients],
    sent: record.deliveries.some((d) => (d.purpose === "report" || d.purpose === "resend") && d.state === "sent"),
    notSentReason: orNull(record.notSentReason),
    dataCheck: record.dataCheck as DataCheckEnum | null,
    dataNote: orNull(record.dataNote),
    error: orNull(record.error),
    ownerNotice: orNull(record.ownerNotice),
    artefacts: record.artefacts.flatMap((a) =>
      a.format === "json" || a.language === null ? [] : [{ format: a.format as ReportFormatEnum, language: a.language as ReportLanguageEnum, fileName: a.file, bytes: a.bytes, url: artefactUrl(record.id, a.format, a.language) }],
    ),
    deliveries: record.deliveries.map((d) => ({
      purpose: d.purpose as DeliveryPurposeEnum,
      language: d.language as ReportLanguageEnum,
      recipients: [...d.recipients],
      messageId: d.messageId,
      state: d.state as DeliveryStateEnum,
      attempts: d.attempts,
      at: new Date(d.at),
      error: d.error,
      requestedBy: d.requestedBy,
    })),
  };
}

/** Checks of the service become BAD_USER_INPUT with their bilingual message. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScheduleError || error instanceof ReportRequestError) throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT" } });
    throw error;
  }
}

function caller(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

const ID_ARG = { description: "Identifiant de la programmation. / Schedule id." } as const;

/**
 * Scheduled reports (docs/reports.md): administrators and the port authority
 * manage every schedule; a ministry sees the schedules it owns, their runs
 * and documents.
 */
@Resolver(() => ReportSchedule)
export class ReportsResolver {
  @Authorized(...REPORT_VIEWERS)
  @Query(() => [ReportSchedule], { description: "Les programmations de rapports (un ministère : les siennes). / Report schedules (a ministry: its own)." })
  async reportSchedules(@Ctx() { services, principal }: Context): Promise<ReportSchedule[]> {
    const records = await services.reports.schedules(caller(principal));
    return records.map((r) => toSchedule(r, services.reports.nextRuns(r)));
  }

  @Authorized(...REPORT_VIEWERS)
  @Query(() => ReportSchedule, { nullable: true, description: "Une programmation ; null si inconnue. / One schedule; null when unknown." })
  async reportSchedule(@Arg("id", () => ID, ID_ARG) id: string, @Ctx() { services, principal }: Context): Promise<ReportSchedule | null> {
    const record = await services.reports.schedule(id, caller(principal));
    return record ? toSchedule(record, services.reports.nextRuns(record)) : null;
  }

  @FieldResolver(() => ReportRun, { nullable: true, description: "La dernière exécution. / The latest run." })
  async lastRun(@Root() schedule: ReportSchedule, @Ctx() { services, principal }: Context): Promise<ReportRun | null> {
    const [run] = await services.reports.runs(schedule.id, 1, caller(principal));
    return run ? toReportRun(run) : null;
  }

  @Authorized(...REPORT_VIEWERS)
  @Query(() => [ReportRun], { description: "Journal des exécutions, la plus récente d'abord ; d'une programmation, ou de toutes celles que vous voyez. / Run log, latest first; of one schedule, or of every one you see." })
  async reportRuns(
    @Arg("scheduleId", () => ID, { nullable: true, description: "Une programmation ; vide : toutes. / One schedule; empty: all." }) scheduleId: string | null,
    @Arg("limit", () => Int, { defaultValue: 50, description: "Nombre d'exécutions, 1 à 200. / Number of runs, 1 to 200." }) limit: number,
    @Ctx() { services, principal }: Context,
  ): Promise<ReportRun[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RUNS) throw new GraphQLError(`limit : 1 à ${MAX_RUNS} / limit: 1 to ${MAX_RUNS}`, { extensions: { code: "BAD_USER_INPUT" } });
    return (await services.reports.runs(scheduleId ?? null, limit, caller(principal))).map(toReportRun);
  }

  @Authorized(...REPORT_VIEWERS)
  @Query(() => ReportRun, { nullable: true, description: "Une exécution ; null si inconnue. / One run; null when unknown." })
  async reportRun(@Arg("id", () => ID, { description: "Identifiant de l'exécution. / Run id." }) id: string, @Ctx() { services, principal }: Context): Promise<ReportRun | null> {
    const run = await services.reports.run(id, caller(principal));
    return run ? toReportRun(run) : null;
  }

  @Authorized(...REPORT_VIEWERS)
  @Query(() => ReportSettings, { description: "Réglages des rapports : SMTP configuré ou non, limites. / Report settings: SMTP configured or not, limits." })
  reportSettings(@Ctx() { services }: Context): ReportSettings {
    const s = services.reports.settings;
    return { emailConfigured: s.smtp !== null, sender: s.smtp?.from ?? null, maxDataAgeHours: s.maxDataAgeHours, maxAttempts: s.maxAttempts, retryDelaySeconds: Math.round(s.retryDelayMs / 1000) };
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportSchedule, { description: "Crée une programmation. / Creates a schedule." })
  async createReportSchedule(@Arg("input", () => ReportScheduleInput, { description: "La programmation. / The schedule." }) input: ReportScheduleInput, @Ctx() { services, principal }: Context): Promise<ReportSchedule> {
    const record = await answering(() => services.reports.create(fromInput(input), caller(principal)));
    return toSchedule(record, services.reports.nextRuns(record));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportSchedule, { description: "Remplace une programmation par la version donnée ; changer l'heure ne rattrape rien. / Replaces a schedule with the version given; changing the time catches nothing up." })
  async updateReportSchedule(
    @Arg("id", () => ID, ID_ARG) id: string,
    @Arg("input", () => ReportScheduleInput, { description: "La nouvelle version. / The new version." }) input: ReportScheduleInput,
    @Ctx() { services, principal }: Context,
  ): Promise<ReportSchedule> {
    const record = await answering(() => services.reports.update(id, fromInput(input), caller(principal)));
    return toSchedule(record, services.reports.nextRuns(record));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportSchedule, { description: "Met une programmation en pause. / Pauses a schedule." })
  async pauseReportSchedule(@Arg("id", () => ID, ID_ARG) id: string, @Ctx() { services, principal }: Context): Promise<ReportSchedule> {
    const record = await answering(() => services.reports.setPaused(id, true, caller(principal)));
    return toSchedule(record, services.reports.nextRuns(record));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportSchedule, { description: "Reprend une programmation ; ce qui était dû pendant la pause n'est pas rattrapé. / Resumes a schedule; what fell due during the pause is not caught up." })
  async resumeReportSchedule(@Arg("id", () => ID, ID_ARG) id: string, @Ctx() { services, principal }: Context): Promise<ReportSchedule> {
    const record = await answering(() => services.reports.setPaused(id, false, caller(principal)));
    return toSchedule(record, services.reports.nextRuns(record));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => Boolean, { description: "Supprime une programmation ; ses exécutions et documents restent consultables. / Deletes a schedule; its runs and documents stay readable." })
  async deleteReportSchedule(@Arg("id", () => ID, ID_ARG) id: string, @Ctx() { services, principal }: Context): Promise<boolean> {
    return answering(() => services.reports.delete(id, caller(principal)));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportRun, {
    description:
      "Exécute maintenant, pour la période qui contient `periodContaining` (date locale) ou la dernière période complète. Une période déjà envoyée est refusée : renvoyez-la. La réponse est l'exécution au départ ; suivez-la avec reportRun. / Runs now, for the period containing `periodContaining` (local date) or the last complete period. A period already sent is refused: re-send it. The answer is the run as it starts; follow it with reportRun.",
  })
  async runReportNow(
    @Arg("scheduleId", () => ID, ID_ARG) scheduleId: string,
    @Arg("periodContaining", () => String, { nullable: true, description: "Un jour de la période voulue, AAAA-MM-JJ ; vide : la dernière période complète. / A day of the period wanted, YYYY-MM-DD; empty: the last complete period." }) periodContaining: string | null,
    @Ctx() { services, principal }: Context,
  ): Promise<ReportRun> {
    return toReportRun(await answering(() => services.reports.runNow(scheduleId, periodContaining ?? null, caller(principal))));
  }

  @Authorized(...REPORT_MANAGERS)
  @Mutation(() => ReportRun, {
    description:
      "Renvoie les documents archivés d'une exécution (aussi un rapport retenu, ou échoué faute de SMTP), aux destinataires de la programmation ou à ceux donnés ; répond une fois l'envoi tenté. / Re-sends a run's archived documents (also a held report, or one that failed for want of SMTP), to the schedule's recipients or to those given; answers once the sending was tried.",
  })
  async resendReportRun(
    @Arg("runId", () => ID, { description: "Identifiant de l'exécution. / Run id." }) runId: string,
    @Arg("recipients", () => [ReportRecipientInput], { nullable: true, description: "Destinataires ; vide : ceux de la programmation. / Recipients; empty: the schedule's." }) recipients: ReportRecipientInput[] | null,
    @Ctx() { services, principal }: Context,
  ): Promise<ReportRun> {
    return toReportRun(await answering(() => services.reports.resend(runId, recipients ? recipients.map((r) => ({ address: r.address, language: r.language })) : null, caller(principal))));
  }
}

function fromInput(input: ReportScheduleInput) {
  return {
    name: input.name,
    kind: input.kind,
    rule: input.rule,
    weekday: input.weekday ?? null,
    time: input.time ?? null,
    cron: input.cron ?? null,
    timeZone: input.timeZone,
    recipients: input.recipients.map((r) => ({ address: r.address, language: r.language })),
    formats: input.formats,
    countries: input.countries,
    staleDataAction: input.staleDataAction,
    ownerLogin: input.ownerLogin ?? null,
    ownerEmail: input.ownerEmail ?? null,
  };
}
