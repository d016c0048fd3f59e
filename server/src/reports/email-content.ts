import { formatChange, formatDateTime, formatPeriod, formatValue } from "./document/number-format.js";
import { pick, type ReportDocument } from "./document/report-document.js";
import type { Language, RunRecord } from "./report-records.js";

const SUBJECT_FLAG = {
  stale: { fr: "[Données anciennes] ", en: "[Stale data] " },
  empty: { fr: "[Aucune donnée] ", en: "[No data] " },
  ok: { fr: "", en: "" },
} as const;

/** The report's e-mail in one language: the subject says plainly when the data is stale or missing, the body gives the key figures. */
export function reportMail(document: ReportDocument, language: Language): { subject: string; text: string } {
  const fr = language === "fr";
  const period = formatPeriod(document.period, language);
  const subject = `${SUBJECT_FLAG[document.check.state][language]}${pick(document.title, language)} — ${period}`;
  const figures = document.highlights.map((h) => {
    const changes = [h.previousChange === null ? null : `${formatChange(h.previousChange, language)} ${fr ? "vs période précédente" : "vs previous period"}`, h.yearAgoChange === null ? null : `${formatChange(h.yearAgoChange, language)} ${fr ? "sur un an" : "over a year"}`].filter(Boolean);
    return `- ${pick(h.label, language)} : ${formatValue(h.value, h.kind, language)}${changes.length > 0 ? ` (${changes.join(", ")})` : ""}`.replace(" : ", fr ? " : " : ": ");
  });
  const freshness = document.dataAsOf.map((f) => `- ${pick(f.label, language)}${fr ? " : " : ": "}${f.lastEventAt ? formatDateTime(f.lastEventAt, language, document.timeZone) : "—"}`);
  const text = [
    fr ? "Bonjour," : "Hello,",
    "",
    fr ? `Veuillez trouver ci-joint le ${pick(document.title, language).charAt(0).toLowerCase()}${pick(document.title, language).slice(1)} pour la période du ${period} (${document.timeZone}).` : `Please find attached the ${pick(document.title, language)} for ${period} (${document.timeZone}).`,
    "",
    pick(document.check.note, language),
    "",
    fr ? "Chiffres clés :" : "Key figures:",
    ...figures,
    "",
    fr ? `Filtres : ${pick(document.filters, language)}.` : `Filters: ${pick(document.filters, language)}.`,
    fr ? "Fraîcheur des données (dernier événement chargé par flux) :" : "Data freshness (latest event loaded per feed):",
    ...freshness,
    "",
    fr ? "Message envoyé automatiquement par l'Observatoire du corridor Lomé–AES (programmation « " + document.scheduleName + " »)." : `Sent automatically by the Lomé–AES Corridor Observatory (schedule "${document.scheduleName}").`,
  ];
  return { subject, text: text.join("\n") };
}

/** What the owner reads when a run failed or was held; bilingual, French first. */
export function noticeMail(run: RunRecord, purpose: "failure_notice" | "hold_notice", detail: string): { subject: string; text: string } {
  const period = `${run.period.from} → ${run.period.to}`;
  if (purpose === "failure_notice") {
    return {
      subject: `[Échec / Failed] ${run.scheduleName} — ${period}`,
      text: [
        `Le rapport « ${run.scheduleName} » pour la période ${period} n'a pas pu être produit ou envoyé après ${run.attempts} essais.`,
        `Dernière erreur : ${detail}`,
        "Les documents déjà produits sont archivés ; une fois la cause réglée, renvoyez l'exécution depuis la page Rapports (ou resendReportRun), ou relancez-la (runReportNow).",
        "",
        `The report "${run.scheduleName}" for ${period} could not be produced or sent after ${run.attempts} tries.`,
        `Latest error: ${detail}`,
        "Documents already produced are archived; once the cause is fixed, re-send the run from the Reports page (or resendReportRun), or run it again (runReportNow).",
        "",
        `Exécution / Run: ${run.id}`,
      ].join("\n"),
    };
  }
  return {
    subject: `[Retenu / Held] ${run.scheduleName} — ${period}`,
    text: [
      `Le rapport « ${run.scheduleName} » pour la période ${period} est retenu : ${detail.split(" / ")[0] ?? detail}`,
      "Il est archivé mais n'a pas été envoyé. Chargez les données manquantes puis relancez-le (runReportNow), ou envoyez-le tel quel (resendReportRun).",
      "",
      `The report "${run.scheduleName}" for ${period} is held: ${detail.split(" / ")[1] ?? detail}`,
      "It is archived but was not sent. Load the missing data then run it again (runReportNow), or send it as it is (resendReportRun).",
      "",
      `Exécution / Run: ${run.id}`,
    ].join("\n"),
  };
}
