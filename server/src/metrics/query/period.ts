/** Local calendar dates (`YYYY-MM-DD`) and time buckets, as the query's time zone sees them. */

export const GRAINS = ["NONE", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR"] as const;
export type Grain = (typeof GRAINS)[number];

export interface Period {
  /** First local day, included. */
  readonly from: string;
  /** Local day after the last, excluded. */
  readonly to: string;
}

const DAY_MS = 86_400_000;

export function parseLocalDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : null;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return iso((parseLocalDate(date) as number) + days * DAY_MS);
}

/** Same day `months` later, clamped to the month's last day (31 January + 1 month = 29 February). */
export function addMonths(date: string, months: number): string {
  const d = new Date(parseLocalDate(date) as number);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)));
}

function startOf(grain: Exclude<Grain, "NONE">, date: string): string {
  const d = new Date(parseLocalDate(date) as number);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (grain) {
    case "DAY":
      return date;
    case "WEEK":
      // ISO weeks start on Monday.
      return iso(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
    case "MONTH":
      return iso(Date.UTC(y, m, 1));
    case "QUARTER":
      return iso(Date.UTC(y, m - (m % 3), 1));
    case "YEAR":
      return iso(Date.UTC(y, 0, 1));
  }
}

function next(grain: Exclude<Grain, "NONE">, bucket: string): string {
  switch (grain) {
    case "DAY":
      return addDays(bucket, 1);
    case "WEEK":
      return addDays(bucket, 7);
    case "MONTH":
      return addMonths(bucket, 1);
    case "QUARTER":
      return addMonths(bucket, 3);
    case "YEAR":
      return addMonths(bucket, 12);
  }
}

/** The day after a bucket's last day. */
export function bucketEnd(grain: Exclude<Grain, "NONE">, bucket: string): string {
  return next(grain, bucket);
}

/** The buckets (their first local day) that meet the period, in order; [""] for NONE. */
export function bucketsOf(grain: Grain, period: Period): string[] {
  if (grain === "NONE") return [""];
  const buckets: string[] = [];
  for (let b = startOf(grain, period.from); b < period.to; b = next(grain, b)) buckets.push(b);
  return buckets;
}

const isMonthStart = (date: string) => date.endsWith("-01");

/** The period just before, as long: in whole months when the period is whole months, else in days. */
export function previousPeriod(period: Period): Period {
  if (isMonthStart(period.from) && isMonthStart(period.to)) {
    const [fy, fm] = period.from.split("-").map(Number) as [number, number];
    const [ty, tm] = period.to.split("-").map(Number) as [number, number];
    const months = (ty - fy) * 12 + (tm - fm);
    return { from: addMonths(period.from, -months), to: period.from };
  }
  const days = Math.round(((parseLocalDate(period.to) as number) - (parseLocalDate(period.from) as number)) / DAY_MS);
  return { from: addDays(period.from, -days), to: period.from };
}

/** The same period a year earlier. */
export function yearAgoPeriod(period: Period): Period {
  return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
}

export function validTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$|^UTC$/u.test(zone)) return false;
  try {
    offsetFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Building an Intl formatter costs more than a whole small query's planning, and every request names a
 * zone. Formatters are immutable and the zones few (IANA has about 600, and the pattern above admits
 * nothing else), so they are kept for the process; the cap only guards against a flood of odd names.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Zone and year → whether every offset in use that year is a whole number of hours (see offsetFormatter). */
const wholeHourYears = new Map<string, boolean>();

/**
 * True when the zone's offset is a whole number of hours throughout the years
 * the period (and two days around it) touches: then hourly rollups give exact
 * local buckets. A zone that shifts by half an hour in one of those years is
 * answered from the detailed tables, exact either way.
 */
export function wholeHourZone(zone: string, period: Period): boolean {
  const formatter = offsetFormatter(zone);
  // Offsets change at most a few times a year: a look every ten days catches every one in use. The
  // answer depends only on the zone and the year, so each zone's years are looked at once.
  const first = new Date((parseLocalDate(period.from) as number) - 2 * DAY_MS).getUTCFullYear();
  const last = new Date((parseLocalDate(period.to) as number) + 2 * DAY_MS).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    const key = `${zone}|${year}`;
    let whole = wholeHourYears.get(key);
    if (whole === undefined) {
      whole = true;
      const end = Date.UTC(year + 1, 0, 1);
      for (let t = Date.UTC(year, 0, 1); t < end && whole; t += 10 * DAY_MS) {
        const name = formatter.formatToParts(t).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
        const m = /GMT(?:[+-]\d{2}:(\d{2}))?$/u.exec(name);
        whole = m !== null && (m[1] === undefined || m[1] === "00");
      }
      if (wholeHourYears.size >= 100_000) wholeHourYears.clear();
      wholeHourYears.set(key, whole);
    }
    if (!whole) return false;
  }
  return true;
}
