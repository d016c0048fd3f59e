import type { Language } from "../report-records.js";
import type { ValueKind } from "./report-document.js";

// The dashboard's rules (web/src/i18n/format.ts), server-side: French groups
// thousands with a no-break space. The dashboard and the PDF use the plain
// no-break space U+00A0 rather than the narrow U+202F: the PDF's built-in
// Helvetica (WinAnsi) has no glyph for U+202F, and both read the same and
// never break a number across lines.

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };
const NBSP = "\u00A0";

function normaliseSpaces(text: string): string {
  return text.replace(/[\u202F\u2009]/gu, NBSP);
}

function number(value: number, language: Language, minDigits: number, maxDigits: number): string {
  return normaliseSpaces(new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits }).format(value));
}

/** XOF has no minor unit: `1 234 567 FCFA`. */
export function formatXof(value: number, language: Language): string {
  return `${number(Math.round(value), language, 0, 0)}${NBSP}FCFA`;
}

/** Hours keep up to two decimals, as the API gives percentiles (13,25 h). */
export function formatHours(value: number, language: Language): string {
  return `${number(value, language, 0, 2)}${NBSP}h`;
}

/** A change (0.125) as a signed percentage: `+12,5 %` / `+12.5%`. */
export function formatChange(value: number, language: Language): string {
  const text = number(Math.abs(value) * 100, language, 1, 1);
  const sign = value > 0 ? "+" : value < 0 ? "-" : "";
  return language === "fr" ? `${sign}${text}${NBSP}%` : `${sign}${text}%`;
}

export function formatPercent(value: number, language: Language): string {
  const text = number(value * 100, language, 1, 1);
  return language === "fr" ? `${text}${NBSP}%` : `${text}%`;
}

/** `12 octobre 2024` / `12 October 2024`, for a local date YYYY-MM-DD. */
export function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  return normaliseSpaces(new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(iso)));
}

/** A period (`to` excluded) in words, its last day included: `1 octobre 2024 – 31 octobre 2024`. */
export function formatPeriod(period: { from: string; to: string }, language: Language): string {
  const last = new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${formatDay(period.from, language)} – ${formatDay(last, language)}`;
}

/** A value as text for people; a gap is an em dash, never 0. */
export function formatValue(value: number | string | null, kind: ValueKind, language: Language, timeZone = "Africa/Lome"): string {
  if (value === null || value === "") return "—";
  if (typeof value === "string") {
    if (kind === "date") return formatDay(value, language);
    if (kind === "datetime") return formatDateTime(value, language, timeZone);
    return value;
  }
  switch (kind) {
    case "xof":
      return formatXof(value, language);
    case "hours":
      return formatHours(value, language);
    case "change":
      return formatChange(value, language);
    case "percent":
      return formatPercent(value, language);
    case "tonnes":
      return number(value, language, 1, 1);
    case "decimal":
      return number(value, language, 0, 2);
    case "integer":
      return number(Math.round(value), language, 0, 0);
    default:
      return number(value, language, 0, 2);
  }
}
