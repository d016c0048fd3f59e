import type { Period } from "../../metrics/query/period.js";
import type { DataCheck, Language } from "../report-records.js";
import type { ReportKind } from "../schedule-rules.js";

/** Every text of a report exists in both languages; the renderers pick one per recipient. */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/**
 * How a number reads and how a spreadsheet formats it. "row" takes the kind
 * of the row (a table of indicators mixes tonnes, francs and hours).
 */
export type ValueKind = "text" | "integer" | "decimal" | "tonnes" | "xof" | "hours" | "percent" | "change" | "date" | "datetime";

export interface Column {
  readonly id: string;
  readonly label: Bilingual;
  readonly kind: ValueKind | "row";
}

/** A text cell may be a code (same in both languages) or a bilingual label; null is a gap, never 0. */
export type Cell = string | number | null | Bilingual;

export interface Table {
  /** Stable id: the CSV's table column and the sheet order. */
  readonly id: string;
  /** Sheet name, at most 31 characters in each language. */
  readonly sheet: Bilingual;
  readonly title: Bilingual;
  readonly note?: Bilingual;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** The kind of each row, for columns of kind "row". */
  readonly rowKinds?: readonly ValueKind[];
}

/** A grouped bar chart, drawn as vectors in the PDF. */
export interface BarChart {
  readonly title: Bilingual;
  readonly kind: ValueKind;
  readonly categories: readonly Cell[];
  readonly series: readonly { readonly label: Bilingual; readonly values: readonly (number | null)[] }[];
}

export interface Section {
  readonly title: Bilingual;
  readonly intro?: Bilingual;
  readonly chart?: BarChart;
  readonly tables: readonly Table[];
}

/** A key figure of the first page, with its changes. */
export interface Highlight {
  readonly label: Bilingual;
  readonly kind: ValueKind;
  readonly value: number | null;
  readonly previousChange: number | null;
  readonly yearAgoChange: number | null;
}

/** A report's whole content, language-neutral: what the PDF, the workbook, the CSV and the e-mail show. Archived as JSON with the run. */
export interface ReportDocument {
  readonly kind: ReportKind;
  readonly title: Bilingual;
  readonly scheduleName: string;
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly yearAgoPeriod: Period;
  readonly timeZone: string;
  readonly generatedAt: string;
  /** The filters used, said in words. */
  readonly filters: Bilingual;
  readonly dataAsOf: readonly { readonly feed: string; readonly label: Bilingual; readonly lastEventAt: string | null }[];
  readonly check: { readonly state: DataCheck; readonly note: Bilingual; readonly maxAgeHours: number };
  readonly highlights: readonly Highlight[];
  readonly sections: readonly Section[];
}

export const pick = (text: Bilingual, language: Language): string => text[language];

/** A cell's text in a language: codes as they are, labels in the language. */
export function cellText(cell: Cell, language: Language): string | number | null {
  return cell !== null && typeof cell === "object" ? cell[language] : cell;
}

/** Every table of the document, in reading order. */
export function tablesOf(document: ReportDocument): Table[] {
  return document.sections.flatMap((s) => s.tables);
}
