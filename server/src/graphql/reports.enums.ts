import { registerEnumType } from "type-graphql";

// GraphQL names on the left, the values stored in the warehouse on the right.

export enum ReportKindEnum {
  WEEKLY_OPERATIONS = "weekly_operations",
  MONTHLY_CORRIDOR = "monthly_corridor",
}
registerEnumType(ReportKindEnum, {
  name: "ReportKind",
  description: "Sorte de rapport (docs/reports.md). / Kind of report (docs/reports.md).",
  valuesConfig: {
    WEEKLY_OPERATIONS: { description: "Hebdomadaire, opérations du port : navires, attente et rotation, EVP, séjour, quarantaine et fraîcheur ; porte sur la dernière semaine complète. / Weekly port operations: ships, waiting and turnaround, TEU, dwell, quarantine and freshness; covers the last complete week." },
    MONTHLY_CORRIDOR: { description: "Mensuel, corridor : par pays de l'AES volumes, délais, frontières, recettes ; produits, itinéraires et frontières en tête ; garantie unique ; porte sur le dernier mois complet. / Monthly corridor: per AES country volumes, times, borders, revenue; top commodities, routes and border posts; single guarantee; covers the last complete month." },
  },
});

export enum ScheduleRuleEnum {
  WEEKLY = "weekly",
  MONTHLY_FIRST_WORKING_DAY = "monthly_first_working_day",
  CRON = "cron",
}
registerEnumType(ScheduleRuleEnum, {
  name: "ScheduleRule",
  description: "Règle de calendrier d'une programmation. / Calendar rule of a schedule.",
  valuesConfig: {
    WEEKLY: { description: "Chaque semaine, le jour `weekday` à l'heure `time`. / Every week, on `weekday` at `time`." },
    MONTHLY_FIRST_WORKING_DAY: { description: "Le premier jour ouvré (lundi à vendredi) du mois, à l'heure `time`. / On the first working day (Monday to Friday) of the month, at `time`." },
    CRON: { description: "Expression cron à cinq champs `cron`, dans le fuseau de la programmation. / Five-field cron expression `cron`, in the schedule's time zone." },
  },
});

export enum ReportFormatEnum {
  PDF = "pdf",
  XLSX = "xlsx",
  CSV = "csv",
}
registerEnumType(ReportFormatEnum, {
  name: "ReportFormat",
  description: "Format d'un document de rapport. / Format of a report document.",
  valuesConfig: {
    PDF: { description: "PDF A4, dans la langue du destinataire. / A4 PDF, in the recipient's language." },
    XLSX: { description: "Classeur Excel, une feuille par tableau. / Excel workbook, one sheet per table." },
    CSV: { description: "Tous les chiffres en un fichier CSV (tableau, ligne, colonne, valeur). / Every figure in one CSV file (table, row, column, value)." },
  },
});

export enum ReportLanguageEnum {
  FR = "fr",
  EN = "en",
}
registerEnumType(ReportLanguageEnum, { name: "ReportLanguage", description: "Langue d'un rapport. / Language of a report.", valuesConfig: { FR: { description: "Français. / French." }, EN: { description: "Anglais. / English." } } });

export enum StaleDataActionEnum {
  WARN = "warn",
  HOLD = "hold",
}
registerEnumType(StaleDataActionEnum, {
  name: "StaleDataAction",
  description: "Que faire d'un rapport sans données, ou aux données plus anciennes que la limite. / What to do with a report without data, or with data older than the limit.",
  valuesConfig: {
    WARN: { description: "L'envoyer en le disant clairement (objet et première page). / Send it, saying so plainly (subject and first page)." },
    HOLD: { description: "Le retenir : il est archivé, pas envoyé, et le responsable est prévenu ; un renvoi le libère. / Hold it: archived, not sent, and the owner told; a re-send releases it." },
  },
});

export enum ReportRunStateEnum {
  SCHEDULED = "scheduled",
  RUNNING = "running",
  SENDING = "sending",
  SUCCEEDED = "succeeded",
  FAILED = "failed",
  RETRYING = "retrying",
  HELD = "held",
}
registerEnumType(ReportRunStateEnum, {
  name: "ReportRunState",
  description: "État d'une exécution. / State of a run.",
  valuesConfig: {
    SCHEDULED: { description: "Due, pas encore commencée. / Due, not started yet." },
    RUNNING: { description: "Chiffres lus et documents produits. / Reading the figures and producing the documents." },
    SENDING: { description: "Envoi des courriels en cours. / E-mails being sent." },
    SUCCEEDED: { description: "Terminée : documents archivés, et envoyés si SMTP est configuré (voir `sent`). / Done: documents archived, and sent when SMTP is configured (see `sent`)." },
    FAILED: { description: "Échec après le dernier essai ; le responsable est prévenu. / Failed after the last try; the owner is told." },
    RETRYING: { description: "Un essai a échoué ; le suivant est prévu à `nextAttemptAt`. / A try failed; the next is due at `nextAttemptAt`." },
    HELD: { description: "Retenue : données absentes ou trop anciennes (StaleDataAction HOLD). / Held: data missing or too old (StaleDataAction HOLD)." },
  },
});

export enum ReportRunTriggerEnum {
  SCHEDULE = "schedule",
  CATCH_UP = "catch_up",
  MANUAL = "manual",
}
registerEnumType(ReportRunTriggerEnum, {
  name: "ReportRunTrigger",
  description: "Ce qui a lancé une exécution. / What started a run.",
  valuesConfig: {
    SCHEDULE: { description: "Le calendrier, à l'heure. / The calendar, on time." },
    CATCH_UP: { description: "Rattrapage au démarrage : la plateforme était arrêtée à l'heure prévue. / Caught up at start: the platform was down when it was due." },
    MANUAL: { description: "« Exécuter maintenant ». / \"Run now\"." },
  },
});

export enum DataCheckEnum {
  OK = "ok",
  STALE = "stale",
  EMPTY = "empty",
}
registerEnumType(DataCheckEnum, {
  name: "ReportDataCheck",
  description: "Contrôle du contenu avant envoi. / Content check before sending.",
  valuesConfig: {
    OK: { description: "Des données, assez récentes. / Data, recent enough." },
    STALE: { description: "Un flux utilisé a son dernier événement plus ancien que la limite avant la fin de la période. / A feed used has its latest event older than the limit before the period's end." },
    EMPTY: { description: "Aucune donnée pour la période. / No data for the period." },
  },
});

export enum DeliveryPurposeEnum {
  REPORT = "report",
  RESEND = "resend",
  FAILURE_NOTICE = "failure_notice",
  HOLD_NOTICE = "hold_notice",
}
registerEnumType(DeliveryPurposeEnum, {
  name: "ReportDeliveryPurpose",
  description: "Objet d'un courriel. / Purpose of an e-mail.",
  valuesConfig: {
    REPORT: { description: "Le rapport, aux destinataires. / The report, to the recipients." },
    RESEND: { description: "Un renvoi demandé. / A re-send someone asked for." },
    FAILURE_NOTICE: { description: "Avis d'échec au responsable. / Failure notice to the owner." },
    HOLD_NOTICE: { description: "Avis de rapport retenu au responsable. / Held-report notice to the owner." },
  },
});

export enum DeliveryStateEnum {
  PENDING = "pending",
  SENDING = "sending",
  SENT = "sent",
  FAILED = "failed",
}
registerEnumType(DeliveryStateEnum, {
  name: "ReportDeliveryState",
  description: "État d'un courriel. / State of an e-mail.",
  valuesConfig: {
    PENDING: { description: "À réessayer au prochain passage du planificateur. / To try again at the scheduler's next look." },
    SENDING: { description: "Remis au serveur SMTP, réponse attendue. / Handed to the SMTP server, answer awaited." },
    SENT: { description: "Accepté par le serveur SMTP. / Accepted by the SMTP server." },
    FAILED: { description: "Refusé ; un renvoi peut être demandé. / Refused; a re-send may be asked for." },
  },
});
