import { parseLocalDate, validTimeZone, type Period } from "./period.js";
import { MetricQueryError } from "./plan.js";

// Checks shared by every question to the semantic layer: they run before any
// SQL is written, and say in French then English what is wrong.

/** Twenty years of months is already more than any chart of these views shows. */
const MAX_PERIOD_MS = 366 * 20 * 86_400_000;
const MAX_COUNTRIES = 50;

/** Checks a period of local dates (`to` excluded) and its time zone; throws MetricQueryError, French then English. */
export function checkPeriod(period: Period, timeZone: string): void {
  if (!validTimeZone(timeZone)) throw new MetricQueryError(`fuseau horaire inconnu : ${quoted(timeZone)} / unknown time zone: ${quoted(timeZone)}`);
  const from = parseLocalDate(period.from);
  const to = parseLocalDate(period.to);
  if (from === null || to === null) throw new MetricQueryError("période : dates AAAA-MM-JJ / period: YYYY-MM-DD dates");
  if (to <= from) throw new MetricQueryError("période : « to » doit suivre « from » / period: `to` must come after `from`");
  if (to - from > MAX_PERIOD_MS) throw new MetricQueryError("période : 20 ans au plus / period: at most 20 years");
}

/**
 * Country codes to filter on (ISO alpha-2): an empty list means every
 * country. Codes are bound as parameters anyway; checking their shape gives
 * the caller a clear error instead of a silently empty answer.
 */
export function checkCountries(countries: readonly string[] | null | undefined): string[] {
  const list = [...(countries ?? [])];
  if (list.length > MAX_COUNTRIES) throw new MetricQueryError(`pays : ${MAX_COUNTRIES} au plus / countries: at most ${MAX_COUNTRIES}`);
  for (const code of list) {
    if (!/^[A-Z]{2}$/u.test(code)) throw new MetricQueryError(`pays : code ISO à deux lettres majuscules attendu, reçu ${quoted(code)} / countries: two-letter upper-case ISO code expected, got ${quoted(code)}`);
  }
  return [...new Set(list)];
}

/** A value echoed in an error message, cut short so a huge input does not come back whole. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
