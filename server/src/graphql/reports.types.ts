import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DEFAULT_TIME_ZONE } from "../metrics/query/request.js";
import { PeriodRange } from "./metrics.types.js";
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

@ObjectType({ description: "Un destinataire et la langue de ses documents. / A recipient and the language of their documents." })
export class ReportRecipient {
  @Field(() => String, { description: "Adresse électronique. / E-mail address." })
  address!: string;

  @Field(() => ReportLanguageEnum, { description: "Langue du PDF, du classeur et du courriel. / Language of the PDF, the workbook and the e-mail." })
  language!: ReportLanguageEnum;
}

@ObjectType({ description: "Un document archivé d'une exécution, téléchargeable. / An archived document of a run, downloadable." })
export class ReportArtefact {
  @Field(() => ReportFormatEnum, { description: "Format. / Format." })
  format!: ReportFormatEnum;

  @Field(() => ReportLanguageEnum, { description: "Langue. / Language." })
  language!: ReportLanguageEnum;

  @Field(() => String, { description: "Nom du fichier. / File name." })
  fileName!: string;

  @Field(() => Int, { description: "Taille en octets. / Size in bytes." })
  bytes!: number;

  @Field(() => String, { description: "Chemin de téléchargement (GET, mêmes identifiants que l'API). / Download path (GET, same credentials as the API)." })
  url!: string;
}

@ObjectType({ description: "Un courriel d'une exécution : le rapport, un renvoi ou un avis au responsable. / One e-mail of a run: the report, a re-send or a notice to the owner." })
export class ReportDelivery {
  @Field(() => DeliveryPurposeEnum, { description: "Objet. / Purpose." })
  purpose!: DeliveryPurposeEnum;

  @Field(() => ReportLanguageEnum, { description: "Langue. / Language." })
  language!: ReportLanguageEnum;

  @Field(() => [String], { description: "Adresses. / Addresses." })
  recipients!: string[];

  @Field(() => String, { description: "Message-ID, tiré de l'exécution : un message renvoyé après une panne garde le même. / Message-ID, derived from the run: a message sent again after a crash keeps it." })
  messageId!: string;

  @Field(() => DeliveryStateEnum, { description: "État. / State." })
  state!: DeliveryStateEnum;

  @Field(() => Int, { description: "Essais. / Tries." })
  attempts!: number;

  @Field(() => DateTimeISOResolver, { description: "Dernier changement d'état. / Last change of state." })
  at!: Date;

  @Field(() => String, { nullable: true, description: "Raison du refus (serveur SMTP). / Why it was refused (SMTP server)." })
  error!: string | null;

  @Field(() => String, { nullable: true, description: "Qui a demandé le renvoi. / Who asked for the re-send." })
  requestedBy!: string | null;
}

@ObjectType({ description: "Une exécution d'une programmation pour une période : son état, ses documents, ses courriels. / One run of a schedule for one period: its state, documents and e-mails." })
export class ReportRun {
  @Field(() => ID, { description: "Identifiant : programmation et période, une seule exécution par période. / Id: schedule and period, one run per period." })
  id!: string;

  @Field(() => ID, { description: "La programmation. / The schedule." })
  scheduleId!: string;

  @Field(() => String, { description: "Nom de la programmation au moment de l'exécution. / Schedule's name at the time of the run." })
  scheduleName!: string;

  @Field(() => ReportKindEnum, { description: "Sorte de rapport. / Kind of report." })
  kind!: ReportKindEnum;

  @Field(() => PeriodRange, { description: "Période couverte, dates locales, `to` exclu. / Period covered, local dates, `to` excluded." })
  period!: PeriodRange;

  @Field(() => String, { description: "Fuseau horaire de la période. / Time zone of the period." })
  timeZone!: string;

  @Field(() => ReportRunTriggerEnum, { description: "Ce qui l'a lancée. / What started it." })
  trigger!: ReportRunTriggerEnum;

  @Field(() => ReportRunStateEnum, { description: "État. / State." })
  state!: ReportRunStateEnum;

  @Field(() => DateTimeISOResolver, { description: "Heure prévue. / Scheduled time." })
  scheduledFor!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Début du dernier essai. / Start of the latest try." })
  startedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Fin. / End." })
  finishedAt!: Date | null;

  @Field(() => Int, { description: "Essais faits. / Tries made." })
  attempts!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Prochain essai (état RETRYING). / Next try (state RETRYING)." })
  nextAttemptAt!: Date | null;

  @Field(() => [String], { description: "Destinataires du rapport. / Recipients of the report." })
  recipients!: string[];

  @Field(() => Boolean, { description: "Le rapport a été accepté par le serveur SMTP pour ses destinataires. / The report was accepted by the SMTP server for its recipients." })
  sent!: boolean;

  @Field(() => String, { nullable: true, description: "Pourquoi il n'a pas été envoyé (SMTP non configuré, rapport retenu…). / Why it was not sent (SMTP not configured, report held…)." })
  notSentReason!: string | null;

  @Field(() => DataCheckEnum, { nullable: true, description: "Contrôle des données ; null avant la lecture des chiffres. / Data check; null before the figures are read." })
  dataCheck!: DataCheckEnum | null;

  @Field(() => String, { nullable: true, description: "Ce que le contrôle a trouvé. / What the check found." })
  dataNote!: string | null;

  @Field(() => String, { nullable: true, description: "Dernière erreur. / Latest error." })
  error!: string | null;

  @Field(() => String, { nullable: true, description: "Ce qui a été dit au responsable, et si l'avis est parti. / What the owner was told, and whether the notice went out." })
  ownerNotice!: string | null;

  @Field(() => [ReportArtefact], { description: "Documents archivés. / Archived documents." })
  artefacts!: ReportArtefact[];

  @Field(() => [ReportDelivery], { description: "Courriels, dans l'ordre. / E-mails, in order." })
  deliveries!: ReportDelivery[];
}

@ObjectType({ description: "Une programmation de rapport : quoi, quand, à qui. / A report schedule: what, when, to whom." })
export class ReportSchedule {
  @Field(() => ID, { description: "Identifiant. / Id." })
  id!: string;

  @Field(() => String, { description: "Nom. / Name." })
  name!: string;

  @Field(() => ReportKindEnum, { description: "Sorte de rapport. / Kind of report." })
  kind!: ReportKindEnum;

  @Field(() => ScheduleRuleEnum, { description: "Règle de calendrier. / Calendar rule." })
  rule!: ScheduleRuleEnum;

  @Field(() => Int, { nullable: true, description: "Règle WEEKLY : 1 (lundi) à 7 (dimanche). / WEEKLY rule: 1 (Monday) to 7 (Sunday)." })
  weekday!: number | null;

  @Field(() => String, { nullable: true, description: "Règles WEEKLY et MONTHLY_FIRST_WORKING_DAY : heure locale HH:MM. / WEEKLY and MONTHLY_FIRST_WORKING_DAY rules: local time HH:MM." })
  time!: string | null;

  @Field(() => String, { description: "L'expression cron suivie (donnée, ou tirée de la règle). / The cron expression followed (given, or built from the rule)." })
  cron!: string;

  @Field(() => String, { description: "Fuseau horaire IANA des heures et des périodes. / IANA time zone of the times and periods." })
  timeZone!: string;

  @Field(() => [ReportRecipient], { description: "Destinataires. / Recipients." })
  recipients!: ReportRecipient[];

  @Field(() => [ReportFormatEnum], { description: "Documents joints au courriel. / Documents attached to the e-mail." })
  formats!: ReportFormatEnum[];

  @Field(() => [String], { description: "Pays retenus pour les chiffres par pays ; vide : tous. / Countries kept in the per-country figures; empty: all." })
  countries!: string[];

  @Field(() => StaleDataActionEnum, { description: "Que faire sans données récentes. / What to do without recent data." })
  staleDataAction!: StaleDataActionEnum;

  @Field(() => String, { description: "Compte responsable. / Owning account." })
  owner!: string;

  @Field(() => String, { description: "Adresse des avis d'échec et de rapport retenu. / Address of failure and held-report notices." })
  ownerEmail!: string;

  @Field(() => String, { nullable: true, description: "Pays du responsable s'il est limité à un pays : le rapport l'est aussi. / The owner's country when the owner is limited to one: so is the report." })
  scope!: string | null;

  @Field(() => Boolean, { description: "En pause : aucune exécution, ni rattrapage à la reprise. / Paused: no run, and no catch-up on resuming." })
  paused!: boolean;

  @Field(() => [DateTimeISOResolver], { description: "Les trois prochaines heures d'exécution ; vide en pause. / The next three run times; empty when paused." })
  nextRuns!: Date[];

  @Field(() => DateTimeISOResolver, { description: "Création. / Created." })
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "Dernière modification. / Last changed." })
  updatedAt!: Date;
}

@ObjectType({ description: "Réglages des rapports (configuration du serveur). / Report settings (server configuration)." })
export class ReportSettings {
  @Field(() => Boolean, { description: "SMTP est configuré ; sinon les rapports sont produits et archivés, pas envoyés. / SMTP is configured; otherwise reports are produced and archived, not sent." })
  emailConfigured!: boolean;

  @Field(() => String, { nullable: true, description: "Expéditeur des courriels. / Sender of the e-mails." })
  sender!: string | null;

  @Field(() => Int, { description: "Âge maximal des données avant la fin de la période, en heures. / Largest data age before the period's end, in hours." })
  maxDataAgeHours!: number;

  @Field(() => Int, { description: "Essais d'une exécution avant l'échec. / Tries of a run before it fails." })
  maxAttempts!: number;

  @Field(() => Int, { description: "Attente avant le premier nouvel essai, en secondes ; elle double ensuite. / Wait before the first retry, in seconds; it doubles after." })
  retryDelaySeconds!: number;
}

@InputType({ description: "Un destinataire. / A recipient." })
export class ReportRecipientInput {
  @Field(() => String, { description: "Adresse électronique. / E-mail address." })
  address!: string;

  @Field(() => ReportLanguageEnum, { defaultValue: ReportLanguageEnum.FR, description: "Langue de ses documents (français par défaut). / Language of their documents (French by default)." })
  language!: ReportLanguageEnum;
}

@InputType({ description: "Une programmation à créer, ou sa nouvelle version entière. / A schedule to create, or its whole new version." })
export class ReportScheduleInput {
  @Field(() => String, { description: "Nom, 1 à 200 caractères. / Name, 1 to 200 characters." })
  name!: string;

  @Field(() => ReportKindEnum, { description: "Sorte de rapport. / Kind of report." })
  kind!: ReportKindEnum;

  @Field(() => ScheduleRuleEnum, { description: "Règle de calendrier. / Calendar rule." })
  rule!: ScheduleRuleEnum;

  @Field(() => Int, { nullable: true, description: "Règle WEEKLY : 1 (lundi) à 7 (dimanche). / WEEKLY rule: 1 (Monday) to 7 (Sunday)." })
  weekday?: number | null;

  @Field(() => String, { nullable: true, description: "Règles WEEKLY et MONTHLY_FIRST_WORKING_DAY : heure locale HH:MM. / WEEKLY and MONTHLY_FIRST_WORKING_DAY rules: local time HH:MM." })
  time?: string | null;

  @Field(() => String, { nullable: true, description: "Règle CRON : cinq champs, au plus une exécution par heure. / CRON rule: five fields, at most one run an hour." })
  cron?: string | null;

  @Field(() => String, { defaultValue: DEFAULT_TIME_ZONE, description: "Fuseau horaire IANA (Africa/Lome par défaut). / IANA time zone (Africa/Lome by default)." })
  timeZone!: string;

  @Field(() => [ReportRecipientInput], { description: "Destinataires, 1 à 50. / Recipients, 1 to 50." })
  recipients!: ReportRecipientInput[];

  @Field(() => [ReportFormatEnum], { defaultValue: [ReportFormatEnum.PDF, ReportFormatEnum.XLSX], description: "Documents joints (PDF et XLSX par défaut). / Documents attached (PDF and XLSX by default)." })
  formats!: ReportFormatEnum[];

  @Field(() => [String], { defaultValue: [], description: "Pays retenus (BF, ML, NE, TG) ; vide : tous. / Countries kept (BF, ML, NE, TG); empty: all." })
  countries!: string[];

  @Field(() => StaleDataActionEnum, { defaultValue: StaleDataActionEnum.WARN, description: "Sans données récentes : envoyer en le disant (WARN, par défaut) ou retenir (HOLD). / Without recent data: send saying so (WARN, default) or hold (HOLD)." })
  staleDataAction!: StaleDataActionEnum;

  @Field(() => String, { nullable: true, description: "Administrateurs : le compte responsable (par défaut, vous). Un compte limité à un pays limite le rapport à ce pays. / Administrators: the owning account (default: you). An account limited to one country limits the report to it." })
  ownerLogin?: string | null;

  @Field(() => String, { nullable: true, description: "Adresse des avis au responsable ; par défaut son identifiant s'il est une adresse. / Address of the owner's notices; by default the owner's login when it is an address." })
  ownerEmail?: string | null;
}
