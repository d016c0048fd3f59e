/**
 * Months, instants and the ways the feeds write them. Instants are epoch
 * milliseconds (UTC); a wall-clock text is made from an instant and the
 * offset of the place (formats.md: times without an offset are local to the
 * office, Lomé for port, terminal and invoice times).
 */
import { zoneOffsetMs } from "../core/local-time.js";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface Month {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
}

/** `YYYY-MM` → Month, null when it is not one. */
export function parseMonth(text: string): Month | null {
  const m = /^(\d{4})-(\d{2})$/u.exec(text.trim());
  if (!m) return null;
  const month = { year: Number(m[1]), month: Number(m[2]) };
  return month.month >= 1 && month.month <= 12 ? month : null;
}

export function monthLabel(m: Month): string {
  return `${m.year}-${pad2(m.month)}`;
}

/** Months since year 0: orders months and measures the distance between them. */
export function monthOrdinal(m: Month): number {
  return m.year * 12 + m.month - 1;
}

/** First instant of the month, UTC. */
export function monthStart(m: Month): number {
  return Date.UTC(m.year, m.month - 1, 1);
}

/** First instant of the next month, UTC: months are half-open [start, end). */
export function monthEnd(m: Month): number {
  return Date.UTC(m.year, m.month, 1);
}

export function daysInMonth(m: Month): number {
  return (monthEnd(m) - monthStart(m)) / DAY_MS;
}

/** The months from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let o = monthOrdinal(from); o <= monthOrdinal(to); o++) months.push({ year: Math.floor(o / 12), month: (o % 12) + 1 });
  return months;
}

/** The UTC month an instant falls in. */
export function monthOf(ms: number): Month {
  const w = wall(ms);
  return { year: w.year, month: w.month };
}

const offsets = new Map<string, Map<number, number>>();

/** Offset of an IANA zone at an instant, ms (Niamey: +1 h), cached per zone and UTC hour (offsets change on the hour if at all). */
export function offsetOf(zone: string, ms: number): number {
  let byHour = offsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    offsets.set(zone, byHour);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    offset = zoneOffsetMs(zone, ms);
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, "0");

/** Wall-clock fields of an instant seen at an offset. */
export interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Wall-clock fields of `ms + offset`, by arithmetic (days to civil date, H. Hinnant's algorithm): no Date per call. */
export function wall(ms: number, offset = 0): Wall {
  const t = ms + offset;
  const days = Math.floor(t / DAY_MS);
  let rest = t - days * DAY_MS;
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = Math.floor(rest / MINUTE_MS);
  const second = Math.floor((rest - minute * MINUTE_MS) / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, hour, minute, second };
}

/** `YYYY-MM-DD`. */
export function isoDate(w: Wall): string {
  return `${pad4(w.year)}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** `DD/MM/YYYY`. */
export function frDate(w: Wall): string {
  return `${pad2(w.day)}/${pad2(w.month)}/${pad4(w.year)}`;
}

/** `HH:MM`. */
export function hhmm(w: Wall): string {
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** `HH:MM:SS`. */
export function hhmmss(w: Wall): string {
  return `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` (no offset). */
export function isoLocal(w: Wall): string {
  return `${isoDate(w)}T${hhmmss(w)}`;
}

/** `+01:00` for an offset in ms. */
export function offsetText(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / MINUTE_MS);
  return `${offset < 0 ? "-" : "+"}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoUtc(ms: number): string {
  return `${isoLocal(wall(ms))}Z`;
}

/** `CCYYMMDDHHMM`, EDIFACT date-time format 203. */
export function edifactTime(w: Wall): string {
  return `${pad4(w.year)}${pad2(w.month)}${pad2(w.day)}${pad2(w.hour)}${pad2(w.minute)}`;
}

/** `YYYYMMDDTHHMM` in UTC: the delivery stamp that starts every file name. */
export function deliveryStamp(ms: number): string {
  const w = wall(ms);
  return `${pad4(w.year)}${pad2(w.month)}${pad2(w.day)}T${pad2(w.hour)}${pad2(w.minute)}`;
}

/** Whole minutes: the feeds write minutes, and the generator keeps its instants on them so every format reads back the same. */
export function toMinute(ms: number): number {
  return Math.round(ms / MINUTE_MS) * MINUTE_MS;
}
