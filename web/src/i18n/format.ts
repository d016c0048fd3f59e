export type Language = "fr" | "en";

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * French groups thousands with a narrow no-break space (U+202F); some phone
 * fonts lack that glyph, so groups use the plain no-break space (U+00A0),
 * which reads the same and never breaks a number across lines.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/\u202F/gu, "\u00A0");
}

export function formatInteger(value: number, language: Language): string {
  return normaliseSpaces(new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value));
}

export function formatDecimal(value: number, language: Language, digits = 1): string {
  return normaliseSpaces(new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value));
}

/** XOF has no minor unit: `1 234 567 FCFA`. */
export function formatXof(value: number, language: Language): string {
  return `${formatInteger(Math.round(value), language)}\u00A0FCFA`;
}

/** `12 mars 2025` / `12 March 2025`, in Lomé time unless told otherwise. */
export function formatDate(iso: string, language: Language, timeZone = "Africa/Lome"): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language, timeZone = "Africa/Lome"): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** Units of the API (`Unit` enum) as a reader sees them after a number. */
const UNIT_SUFFIX: Record<Language, Record<string, string>> = {
  fr: { TONNES: "t", TEU: "EVP", CONTAINERS: "conteneurs", DECLARATIONS: "déclarations", TRUCKS: "camions", CALLS: "escales", XOF: "FCFA", HOURS: "h", RATIO: "" },
  en: { TONNES: "t", TEU: "TEU", CONTAINERS: "containers", DECLARATIONS: "declarations", TRUCKS: "trucks", CALLS: "calls", XOF: "FCFA", HOURS: "h", RATIO: "" },
};

/** Counted things take the singular for one (and, in French, for anything under two). */
const SINGULAR: Record<Language, Record<string, string>> = {
  fr: { CONTAINERS: "conteneur", DECLARATIONS: "déclaration", TRUCKS: "camion", CALLS: "escale" },
  en: { CONTAINERS: "container", DECLARATIONS: "declaration", TRUCKS: "truck", CALLS: "call" },
};

export function unitLabel(unit: string, language: Language, value?: number): string {
  const singular = value !== undefined && (language === "fr" ? Math.abs(value) < 2 : Math.abs(value) === 1) ? SINGULAR[language][unit] : undefined;
  return singular ?? UNIT_SUFFIX[language][unit] ?? unit.toLowerCase();
}

/** Units that count whole things: their axes step by whole numbers. */
export function isCountUnit(unit: string): boolean {
  return unit in SINGULAR.en || unit === "TEU";
}

/**
 * An axis tick: short enough for a phone. Money and large numbers in
 * thousands or millions (`4,5 M`), otherwise the value without its unit
 * (the axis title and tooltip carry it).
 */
export function formatTick(value: number, unit: string, language: Language): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${formatDecimal(value / 1_000_000, language, abs >= 10_000_000 ? 0 : 1)}\u00A0M`;
  if (abs >= 10_000) return `${formatInteger(value / 1000, language)}\u00A0k`;
  return unit === "RATIO" ? formatDecimal(value, language, 1) : Number.isInteger(value) ? formatInteger(value, language) : formatDecimal(value, language, 1);
}

/**
 * A value with its unit, at the precision a reader needs: money to the franc,
 * tonnes and hours to one decimal under a thousand, ratios to two decimals,
 * counts whole. A gap is an em dash, never 0.
 */
export function formatValue(value: number | null, unit: string, language: Language): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (unit === "XOF") return formatXof(value, language);
  if (unit === "RATIO") return formatDecimal(value, language, 2);
  const whole = unit === "TEU" || unit === "CONTAINERS" || unit === "DECLARATIONS" || unit === "TRUCKS" || unit === "CALLS" ? Number.isInteger(value) : false;
  const number = whole || Math.abs(value) >= 1000 ? formatInteger(value, language) : formatDecimal(value, language, 1);
  const suffix = unitLabel(unit, language, value);
  return suffix ? `${number}\u00A0${suffix}` : number;
}

/** A relative change (0.123 = +12.3 %) with its sign; a change that cannot be computed is an em dash. */
export function formatChange(change: number | null, language: Language): string {
  if (change === null || !Number.isFinite(change)) return "—";
  const percent = formatDecimal(Math.abs(change) * 100, language, 1);
  // A change that rounds to 0,0 % is shown as no change, not as "−0,0 %".
  const shown = roundedChange(change);
  const sign = shown > 0 ? "+" : shown < 0 ? "−" : "±";
  return `${sign}${percent}\u00A0%`;
}

/** The change as the reader sees it (a tenth of a percent): what the arrows and colours must follow. */
export function roundedChange(change: number): number {
  // Half away from zero, as Intl rounds the percent shown beside it.
  return (Math.sign(change) * Math.round(Math.abs(change) * 1000)) / 1000;
}

/** `1 oct. 2024 – 31 oct. 2024`: the period's first and last day (`to` is excluded). */
export function formatPeriod(from: string, to: string, language: Language): string {
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const day = (iso: string) => new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return `${day(from)} – ${day(last)}`;
}

/** A time bucket's label on an axis: the day, the week's Monday, the month, the quarter. */
export function formatBucket(bucket: string, grain: string, language: Language): string {
  const date = new Date(`${bucket}T00:00:00Z`);
  const f = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: "UTC" }).format(date);
  switch (grain) {
    case "DAY":
      return f({ day: "numeric", month: "short" });
    case "WEEK":
      return `${language === "fr" ? "sem. du" : "wk of"} ${f({ day: "numeric", month: "short" })}`;
    case "QUARTER":
      return `${language === "fr" ? "T" : "Q"}${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
    case "YEAR":
      return String(date.getUTCFullYear());
    default:
      return f({ month: "short", year: "numeric" });
  }
}

/** `1,5 Mo` / `1.5 MB`: octets in French, bytes in English, powers of 1024. */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === "fr" ? ["o", "ko", "Mo", "Go"] : ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = unit === 0 ? formatInteger(value, language) : formatDecimal(value, language, value < 10 ? 1 : 0);
  return `${number}\u00A0${units[unit]}`;
}
