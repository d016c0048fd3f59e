/** Byte order mark: Excel reads a CSV as UTF-8 (accents intact) only when it starts with one. */
export const BOM = "\uFEFF";

export interface CsvDialect {
  /** `;` for French Excel, whose list separator it is; `,` otherwise. */
  readonly separator: ";" | ",";
  /** Decimal comma goes with `;`: a French Excel reads 12,5 as a number and 12.5 as text. */
  readonly decimal: "," | ".";
}

export const DIALECTS = {
  fr: { separator: ";", decimal: "," },
  en: { separator: ",", decimal: "." },
} as const satisfies Record<string, CsvDialect>;

/** One field: quoted when it holds the separator, a quote or a line break; a leading =+-@ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string, dialect: CsvDialect): string {
  const safe = /^[=+\-@\t\r]/u.test(value) && !/^-?\d/u.test(value) ? `'${value}` : value;
  return safe.includes(dialect.separator) || /["\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvNumber(value: number | null, dialect: CsvDialect): string {
  if (value === null || !Number.isFinite(value)) return "";
  const text = String(value);
  return dialect.decimal === "," ? text.replace(".", ",") : text;
}

export function csvLine(fields: readonly string[], dialect: CsvDialect): string {
  return `${fields.map((f) => csvField(f, dialect)).join(dialect.separator)}\r\n`;
}
