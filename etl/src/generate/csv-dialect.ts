/**
 * The two CSV dialects of formats.md §1: `,` with a decimal point and no
 * grouping, or `;` with a decimal comma and (here) no-break-space thousands
 * groups, as the port authority writes them.
 */
import { frDate, hhmm, isoDate, wall } from "./calendar.js";

export interface CsvDialect {
  readonly delimiter: "," | ";";
  /** Lomé time (UTC+0) as the source writes it. */
  time(ms: number): string;
  /** A decimal with at most `decimals` fractional digits. */
  number(value: number, decimals: number): string;
  readonly newline: string;
}

const NBSP = "\u00A0";

function grouped(int: string): string {
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += NBSP;
    out += int[i];
  }
  return out;
}

function fixed(value: number, decimals: number): { sign: string; int: string; frac: string } {
  const text = Math.abs(value).toFixed(decimals);
  const [int = "0", frac = ""] = text.split(".");
  return { sign: value < 0 ? "-" : "", int, frac };
}

/** `,` dialect: `2024-10-02 06:00`, `1234.5`. */
export function commaDialect(newline = "\r\n"): CsvDialect {
  return {
    delimiter: ",",
    time: (ms) => {
      const w = wall(ms);
      return `${isoDate(w)} ${hhmm(w)}`;
    },
    number: (value, decimals) => {
      const { sign, int, frac } = fixed(value, decimals);
      return frac === "" ? `${sign}${int}` : `${sign}${int}.${frac}`;
    },
    newline,
  };
}

/** `;` dialect: `02/10/2024 06:00`, `1 234,5` (no-break space). */
export function semicolonDialect(newline = "\r\n"): CsvDialect {
  return {
    delimiter: ";",
    time: (ms) => {
      const w = wall(ms);
      return `${frDate(w)} ${hhmm(w)}`;
    },
    number: (value, decimals) => {
      const { sign, int, frac } = fixed(value, decimals);
      return frac === "" ? `${sign}${grouped(int)}` : `${sign}${grouped(int)},${frac}`;
    },
    newline,
  };
}

/** One field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function csvLine(fields: readonly string[], dialect: CsvDialect): string {
  return fields.map((f) => csvField(f, dialect.delimiter)).join(dialect.delimiter) + dialect.newline;
}
