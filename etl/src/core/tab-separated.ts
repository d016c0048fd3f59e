import type { Cell } from "./types.js";

/** How a column is written in ClickHouse's TabSeparated format. */
export type ColumnKind = "text" | "number" | "text[]" | "number[]";

export interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
}

function escapeText(value: string): string {
  // TabSeparated escapes backslash, tab and line breaks; nothing else.
  if (!/[\\\t\n\r]/u.test(value)) return value;
  return value.replace(/[\\\t\n\r]/gu, (ch) => (ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r"));
}

/**
 * An array element as a quoted literal. ClickHouse reads a TabSeparated array
 * cell in its quoted syntax straight from the bytes (no TabSeparated
 * unescaping first), so the element carries the quoted literal's escapes only,
 * which also keep tabs and line breaks out of the cell.
 */
function quoteInArray(value: string): string {
  return `'${value.replace(/[\\'\t\n\r]/gu, (ch) => (ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : `\\${ch}`))}'`;
}

function cell(value: Cell | undefined, kind: ColumnKind): string {
  if (value === null || value === undefined) return kind.endsWith("[]") ? "[]" : "\\N";
  switch (kind) {
    case "text":
    case "number":
      return escapeText(String(value));
    case "text[]":
      return `[${(value as readonly (string | number | null)[]).map((v) => (v === null ? "NULL" : quoteInArray(String(v)))).join(",")}]`;
    case "number[]":
      return `[${(value as readonly (string | number | null)[]).map((v) => (v === null ? "NULL" : String(v))).join(",")}]`;
  }
}

/** One row's cells as TabSeparated text, without the line's newline. */
export function tabSeparatedCells(columns: readonly Column[], row: Readonly<Record<string, Cell | undefined>>): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    if (i > 0) line += "\t";
    line += cell(row[column.name], column.kind);
  }
  return line;
}

/** One row as a TabSeparated line (with its newline). */
export function tabSeparatedLine(columns: readonly Column[], row: Readonly<Record<string, Cell | undefined>>): string {
  return `${tabSeparatedCells(columns, row)}\n`;
}
