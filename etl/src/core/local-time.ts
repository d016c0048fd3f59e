/**
 * Timestamps of the feeds. Times without an offset are wall-clock time at the
 * place of the event (the office's IANA zone; Lomé for the port); an explicit
 * offset always wins. Results are epoch milliseconds in UTC.
 */

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface TimeParts {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 0;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` or `DD/MM/YYYY`. */
export function parseDate(text: string): DateParts | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(year, month, day) ? { year, month, day } : null;
  }
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/u.exec(t);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(year, month, day) ? { year, month, day } : null;
  }
  return null;
}

/** `HH:MM` or `HH:MM:SS`. */
export function parseTime(text: string): TimeParts | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/u.exec(text.trim());
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return hour <= 23 && minute <= 59 && second <= 59 ? { hour, minute, second } : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, offsets by UTC hour: offsets change at most a few times a year. */
const offsetCache = new Map<string, Map<number, number>>();

/** Offset of `zone` from UTC at `utcMs`, in ms (UTC+1 gives 3 600 000). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  let byHour = offsetCache.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(zone, byHour);
  }
  const hour = Math.floor(utcMs / 3_600_000);
  const cached = byHour.get(hour);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const offset = asUtc - Math.floor(utcMs / 1000) * 1000;
  if (byHour.size > 200_000) byHour.clear();
  byHour.set(hour, offset);
  return offset;
}

/** The UTC instant of a wall-clock time in `zone`. */
export function zonedToUtc(date: DateParts, time: TimeParts, zone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  const first = wall - zoneOffsetMs(zone, wall);
  // A second pass settles times near an offset change.
  return wall - zoneOffsetMs(zone, first);
}

/**
 * One timestamp field: `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS]`,
 * `DD/MM/YYYY HH:MM[:SS]`, or ISO 8601 with an offset (`Z`, `+01:00`, `+0100`).
 * Without an offset the time is local to `zone`. Null when unreadable.
 */
export function parseTimestamp(text: string, zone: string): number | null {
  const t = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,3})\d*)?(Z|[+-]\d{2}:?\d{2})?$/u.exec(t);
  if (!m) return null;
  const date = parseDate(m[1] as string);
  const time = parseTime(m[2] as string);
  if (!date || !time) return null;
  const millis = m[3] ? Number(m[3].padEnd(3, "0")) : 0;
  const offset = m[4];
  if (offset === undefined) return zonedToUtc(date, time, zone) + millis;
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second) + millis;
  if (offset === "Z") return wall;
  const om = /^([+-])(\d{2}):?(\d{2})$/u.exec(offset);
  if (!om) return null;
  const minutes = Number(om[2]) * 60 + Number(om[3]);
  if (Number(om[2]) > 14 || Number(om[3]) > 59) return null;
  return wall - (om[1] === "-" ? -1 : 1) * minutes * 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYY-MM-DD HH:MM:SS` in UTC, for DateTime('UTC') columns. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for DateTime64(3, 'UTC') columns. */
export function formatUtcMs(ms: number): string {
  return `${formatUtc(ms)}.${pad(new Date(ms).getUTCMilliseconds(), 3)}`;
}

/** `YYYY-MM-DD`, for Date columns. */
export function formatDate(date: DateParts): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Epoch ms of a UTC `YYYY-MM-DD HH:MM:SS[.mmm]` text (what formatUtc and formatUtcMs write). */
export function utcTextToMs(text: string): number {
  const ms = text.length > 19 ? Number(text.slice(20, 23)) : 0;
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)), Number(text.slice(11, 13)), Number(text.slice(14, 16)), Number(text.slice(17, 19))) + ms;
}

/** The month (YYYYMM) a UTC instant falls in. */
export function monthOf(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
}
