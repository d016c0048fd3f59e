import type { DataCheck } from "../report-records.js";
import { filtersText, freshness, localMidnight, text } from "./build-common.js";
import { monthlyCorridor } from "./monthly-corridor.js";
import type { Bilingual, ReportDocument } from "./report-document.js";
import type { ReportSources, ReportSpec } from "./report-inputs.js";
import { weeklyOperations } from "./weekly-operations.js";

const TITLES = {
  weekly_operations: text("Rapport hebdomadaire des opérations portuaires", "Weekly port operations report"),
  monthly_corridor: text("Rapport mensuel du corridor Lomé–AES", "Monthly Lomé–AES corridor report"),
} as const;

/**
 * Reads a report's figures and checks them before anyone sends them: a period
 * without data is EMPTY; a period whose feeds' latest events stop more than
 * `maxDataAgeHours` before its end is STALE (the figures of its last days are
 * missing, not low). The report says so on its first page either way.
 */
export async function buildReport(sources: ReportSources, spec: ReportSpec, now: Date = new Date()): Promise<ReportDocument> {
  const content = spec.kind === "weekly_operations" ? await weeklyOperations(sources, spec) : await monthlyCorridor(sources, spec);
  const dataAsOf = freshness(content.dataAsOf);
  // A period still running is judged at the run's time, an old one at its end.
  const end = Math.min(localMidnight(spec.period.to, spec.timeZone).getTime(), now.getTime());
  const limit = end - spec.maxDataAgeHours * 3_600_000;
  const stale = dataAsOf.filter((f) => content.feeds.includes(f.feed) && (f.lastEventAt === null || Date.parse(f.lastEventAt) < limit));
  let state: DataCheck = "ok";
  let note: Bilingual = text(`Données à jour : chaque flux utilisé a des événements à moins de ${spec.maxDataAgeHours} h de la fin de la période.`, `Data up to date: every feed used has events within ${spec.maxDataAgeHours} h of the period's end.`);
  if (!content.hasData) {
    state = "empty";
    note = text("ATTENTION : aucune donnée pour cette période. Les chiffres ci-dessous sont vides, non nuls.", "WARNING: no data for this period. The figures below are missing, not zero.");
  } else if (stale.length > 0) {
    state = "stale";
    const names = (l: "fr" | "en") => stale.map((f) => f.label[l]).join(", ");
    note = text(
      `ATTENTION : données anciennes. Le dernier événement de ${names("fr")} date de plus de ${spec.maxDataAgeHours} h avant la fin de la période : les derniers jours manquent, les chiffres sont incomplets.`,
      `WARNING: stale data. The latest event of ${names("en")} is more than ${spec.maxDataAgeHours} h before the period's end: the last days are missing, the figures are incomplete.`,
    );
  }
  return {
    kind: spec.kind,
    title: TITLES[spec.kind],
    scheduleName: spec.scheduleName,
    period: spec.period,
    previousPeriod: content.previousPeriod,
    yearAgoPeriod: content.yearAgoPeriod,
    timeZone: spec.timeZone,
    generatedAt: now.toISOString(),
    filters: filtersText(spec.countries, spec.scope, spec.kind === "weekly_operations" ? text("navires et quai : tout le port", "ships and quay: the whole port") : null),
    dataAsOf,
    check: { state, note, maxAgeHours: spec.maxDataAgeHours },
    highlights: content.highlights,
    sections: content.sections,
  };
}
