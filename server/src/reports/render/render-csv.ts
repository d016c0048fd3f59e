import { BOM, csvLine, csvNumber, DIALECTS } from "../../export/csv-text.js";
import type { Language } from "../report-records.js";
import { cellText, pick, tablesOf, type ReportDocument, type ValueKind } from "../document/report-document.js";

const UNITS: Partial<Record<ValueKind, string>> = { xof: "XOF", hours: "h", tonnes: "t", change: "ratio", percent: "ratio" };

/**
 * Every figure of the report in one CSV, one line per figure (table, row,
 * column, value, unit): a shape any spreadsheet pivots. Same dialect as the
 * API's CSV export: `;` and decimal comma in French, `,` and `.` in English.
 */
export function renderCsv(document: ReportDocument, language: Language): Buffer {
  const dialect = DIALECTS[language];
  const header = language === "fr" ? ["tableau", "ligne", "colonne", "valeur", "unité"] : ["table", "row", "column", "value", "unit"];
  const lines = [csvLine(header, dialect)];
  for (const table of tablesOf(document)) {
    const textColumns = table.columns.map((c, i) => (c.kind === "text" ? i : -1)).filter((i) => i >= 0);
    table.rows.forEach((row, r) => {
      const label = textColumns.map((i) => String(cellText(row[i] ?? null, language) ?? "")).join(" / ");
      table.columns.forEach((column, i) => {
        if (column.kind === "text") return;
        const kind = column.kind === "row" ? (table.rowKinds?.[r] ?? "decimal") : column.kind;
        const value = cellText(row[i] ?? null, language);
        const field = typeof value === "number" ? csvNumber(value, dialect) : (value ?? "");
        lines.push(csvLine([pick(table.title, language), label, pick(column.label, language), field, UNITS[kind] ?? ""], dialect));
      });
    });
  }
  return Buffer.from(BOM + lines.join(""), "utf8");
}
