import ExcelJS from "exceljs";
import type { Language } from "../report-records.js";
import { formatDateTime, formatPeriod } from "../document/number-format.js";
import { cellText, pick, tablesOf, type ReportDocument, type ValueKind } from "../document/report-document.js";

/** Excel number formats: the numbers stay numbers, shown in the reader's own separators. */
const NUM_FMT: Partial<Record<ValueKind, string>> = {
  integer: "#,##0",
  tonnes: "#,##0.0",
  xof: '#,##0 "FCFA"',
  hours: '#,##0.0# "h"',
  change: "+0.0%;-0.0%;0.0%",
  percent: "0.0%",
  decimal: "#,##0.00",
};

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/gu, " ").slice(0, 31).trim() || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One workbook: a sheet saying what the report is, then one sheet per table, frozen headers, numbers as numbers with formats. */
export async function renderXlsx(document: ReportDocument, language: Language): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Observatoire du corridor Lomé–AES / Lomé–AES Corridor Observatory";
  book.created = new Date(document.generatedAt);
  book.modified = book.created;
  const taken = new Set<string>();
  const fr = language === "fr";

  const about = book.addWorksheet(sheetName(fr ? "À propos" : "About", taken));
  about.columns = [{ width: 34 }, { width: 90 }];
  const facts: [string, string][] = [
    [fr ? "Rapport" : "Report", pick(document.title, language)],
    [fr ? "Programmation" : "Schedule", document.scheduleName],
    [fr ? "Période" : "Period", formatPeriod(document.period, language)],
    [fr ? "Période précédente" : "Previous period", formatPeriod(document.previousPeriod, language)],
    [fr ? "Même période il y a un an" : "Same period a year earlier", formatPeriod(document.yearAgoPeriod, language)],
    [fr ? "Fuseau horaire" : "Time zone", document.timeZone],
    [fr ? "Filtres" : "Filters", pick(document.filters, language)],
    [fr ? "Produit le" : "Produced on", formatDateTime(document.generatedAt, language, document.timeZone)],
    [fr ? "Contrôle des données" : "Data check", pick(document.check.note, language)],
    ...document.dataAsOf.map((f): [string, string] => [`${fr ? "Dernier événement" : "Latest event"} : ${pick(f.label, language)}`, f.lastEventAt ? formatDateTime(f.lastEventAt, language, document.timeZone) : "—"]),
  ];
  about.addRows(facts);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  for (const table of tablesOf(document)) {
    const sheet = book.addWorksheet(sheetName(pick(table.sheet, language), taken), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: pick(c.label, language), key: c.id, width: c.kind === "text" ? 36 : 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "middle" };
    table.rows.forEach((row, r) => {
      const excelRow = sheet.addRow(
        row.map((cell, i) => {
          const value = cellText(cell, language);
          // Instants read as the schedule's local time; Excel has no time zones.
          return table.columns[i]?.kind === "datetime" && typeof value === "string" ? formatDateTime(value, language, document.timeZone) : value;
        }),
      );
      table.columns.forEach((column, i) => {
        const kind = column.kind === "row" ? table.rowKinds?.[r] : column.kind;
        const format = kind ? NUM_FMT[kind] : undefined;
        if (format) excelRow.getCell(i + 1).numFmt = format;
      });
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
