/**
 * When each source delivers, under which name, and in which dialect
 * (formats.md: files are loaded in the order of their names, which start
 * with the delivery time; the samples show the naming). About one file per
 * source per month; Togo's customs export weekly, as its batches in the
 * samples do.
 */
import { DAY_MS, deliveryStamp, HOUR_MS, isoDate, monthEnd, monthLabel, monthOf, monthStart, wall, type Month } from "./calendar.js";

/** A file's window of records [start, end) and when it is delivered. */
export interface Window {
  readonly start: number;
  readonly end: number;
  readonly deliveredAt: number;
  /** Stable text for the sink key and the file name. */
  readonly label: string;
}

const monthlyWindows = new Map<number, Window>();

/** Monthly window of the month holding `ms`, delivered on the 1st of the next month at `hourUtc` (windows are reused: one per month and hour). */
export function monthlyWindow(ms: number, hourUtc: number): Window {
  const month = monthOf(ms);
  const key = (month.year * 12 + month.month) * 24 + hourUtc;
  let window = monthlyWindows.get(key);
  if (!window) {
    window = { start: monthStart(month), end: monthEnd(month), deliveredAt: monthEnd(month) + hourUtc * HOUR_MS, label: monthLabel(month) };
    monthlyWindows.set(key, window);
  }
  return window;
}

/** Togo's ASYCUDA exports: Fridays at 18:00 UTC (2024-01-05 is one), each holding what changed in the week before. */
const FRIDAY_EXPORT = Date.UTC(2024, 0, 5, 18);
const WEEK_MS = 7 * DAY_MS;

export function weeklyCustomsWindow(ms: number): Window {
  const k = Math.floor((ms - FRIDAY_EXPORT) / WEEK_MS) + 1;
  const end = FRIDAY_EXPORT + k * WEEK_MS;
  return { start: end - WEEK_MS, end, deliveredAt: end, label: isoDate(wall(end)) };
}

/** BF, ML and NE customs export each month's activity (UTC calendar month) on the 1st of the next month at 20:00 UTC. */
export function monthlyCustomsWindow(ms: number): Window {
  return monthlyWindow(ms, 20);
}

export const fileStamp = (window: Window) => deliveryStamp(window.deliveredAt);

/** A few files are gzipped, as some sources compress their larger exports (the ETL detects gzip by content). */
export function gzipLctEdi(month: Month): boolean {
  return month.month === 6 || month.month === 12;
}
export function gzipMovements(month: Month): boolean {
  return month.month === 3;
}
export function gzipTogoCustoms(window: Window): boolean {
  const w = wall(window.end);
  return w.day <= 7 && (w.month === 1 || w.month === 7);
}

/** The port authority exports its calls with `;` and Windows-1252, except twice a year when its default export (`,`, UTF-8) is sent. */
export function palCallsUseCommaDialect(month: Month): boolean {
  return month.month === 4 || month.month === 10;
}
