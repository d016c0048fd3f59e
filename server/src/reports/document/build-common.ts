import { FEEDS } from "@corridor/warehouse";
import type { FeedFreshness, LabelledAnswer } from "../../metrics/metrics-service.js";
import type { MetricCell, MetricRow } from "../../metrics/query/run-metrics.js";
import type { DimensionId } from "../../metrics/registry/dimensions.js";
import type { MeasureId, Statistic, Unit } from "../../metrics/registry/measures.js";
import type { Bilingual, Cell, Column, ValueKind } from "./report-document.js";

export const text = (fr: string, en: string): Bilingual => ({ fr, en });

/** The kind a measure's unit reads as. */
export function kindOfUnit(unit: Unit, statistic: Statistic): ValueKind {
  if (statistic === "COUNT") return "integer";
  if (statistic === "RELIABILITY") return "decimal";
  switch (unit) {
    case "xof":
      return "xof";
    case "hours":
      return "hours";
    case "tonnes":
      return "tonnes";
    case "ratio":
      return "decimal";
    default:
      return "integer";
  }
}

export function cellOf(cells: readonly MetricCell[] | undefined, measure: MeasureId, statistic: Statistic): MetricCell | undefined {
  return cells?.find((c) => c.measure === measure && c.statistic === statistic);
}

export const valueOf = (cells: readonly MetricCell[] | undefined, measure: MeasureId, statistic: Statistic = "VALUE"): number | null => cellOf(cells, measure, statistic)?.value ?? null;

/** The columns of a table of indicators compared with the previous period and a year earlier. */
export const COMPARISON_COLUMNS: readonly Column[] = [
  { id: "indicator", label: text("Indicateur", "Indicator"), kind: "text" },
  { id: "value", label: text("Période", "Period"), kind: "row" },
  { id: "previous", label: text("Période précédente", "Previous period"), kind: "row" },
  { id: "previousChange", label: text("Évolution", "Change"), kind: "change" },
  { id: "yearAgo", label: text("Il y a un an", "A year earlier"), kind: "row" },
  { id: "yearAgoChange", label: text("Évolution sur un an", "Change over a year"), kind: "change" },
];

export function comparisonRow(label: Bilingual, cell: MetricCell | undefined): Cell[] {
  return [label, cell?.value ?? null, cell?.previous ?? null, cell?.previousChange ?? null, cell?.yearAgo ?? null, cell?.yearAgoChange ?? null];
}

/** A dimension value's cell: its code, or its name in both languages when a reference list names it. */
export function dimensionCell(answer: LabelledAnswer, row: MetricRow, index: number): Cell {
  const d = row.dimensions[index];
  if (!d) return null;
  const label = answer.labels.get(d.dimension as DimensionId)?.get(d.value);
  if (d.value === "") return text("Non attribué", "Unallocated");
  return label ? text(`${label.fr} (${d.value})`, `${label.en} (${d.value})`) : d.value;
}

export function freshness(dataAsOf: readonly FeedFreshness[]): { feed: string; label: Bilingual; lastEventAt: string | null }[] {
  return FEEDS.map((f) => ({ feed: f.id, label: text(f.nameFr, f.nameEn), lastEventAt: dataAsOf.find((d) => d.feed === f.id)?.lastEventAt ?? null }));
}

const offsetMs = (instant: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant;
};

/** The UTC instant of a local date's midnight in a zone. */
export function localMidnight(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
}

/** The filters in words, for the first page. */
export function filtersText(countries: readonly string[], scope: string | null, extra: Bilingual | null): Bilingual {
  const fr = [countries.length > 0 ? `pays : ${countries.join(", ")}` : "tous les pays", scope ? `limité au périmètre de ${scope}` : null, extra?.fr ?? null].filter(Boolean).join(" ; ");
  const en = [countries.length > 0 ? `countries: ${countries.join(", ")}` : "every country", scope ? `limited to ${scope}'s scope` : null, extra?.en ?? null].filter(Boolean).join("; ");
  return text(fr, en);
}
