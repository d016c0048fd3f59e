/**
 * How fresh each feed is: the age of its latest event loaded, and whether it
 * is old enough to warn about. Pure, tested in web/test/data-freshness.test.ts.
 */

/** A feed whose latest event is older than this many days is flagged "old data". */
export const STALE_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;

export type FreshnessState = "never" | "fresh" | "stale";

export interface Freshness {
  readonly state: FreshnessState;
  /** Whole days since the latest event; null when the feed was never loaded. */
  readonly ageDays: number | null;
}

export function freshnessOf(dataAsOf: string | null, now: Date, thresholdDays: number = STALE_AFTER_DAYS): Freshness {
  if (dataAsOf === null) return { state: "never", ageDays: null };
  const age = now.getTime() - Date.parse(dataAsOf);
  if (Number.isNaN(age)) return { state: "never", ageDays: null };
  // An event stamped slightly in the future (clock skew) is as fresh as can be.
  const ageDays = Math.max(0, Math.floor(age / DAY_MS));
  return { state: age > thresholdDays * DAY_MS ? "stale" : "fresh", ageDays };
}

/** The feeds to warn about, in their given order: old data, and never loaded. */
export function feedsToWarn<F extends { readonly dataAsOf: string | null }>(feeds: readonly F[], now: Date, thresholdDays: number = STALE_AFTER_DAYS): { stale: F[]; never: F[] } {
  const stale: F[] = [];
  const never: F[] = [];
  for (const feed of feeds) {
    const { state } = freshnessOf(feed.dataAsOf, now, thresholdDays);
    if (state === "stale") stale.push(feed);
    if (state === "never") never.push(feed);
  }
  return { stale, never };
}
