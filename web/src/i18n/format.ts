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
