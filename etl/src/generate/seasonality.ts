/**
 * Monthly multipliers (mean 1 over a year), domain.md §1.5 [E]: no monthly
 * Lomé statistics exist, so these shape the flows around their annual totals.
 */
import { DAY_MS, type Month } from "./calendar.js";
import type { Random } from "./random.js";

export type SeasonProfile = "flat" | "fertiliser" | "export_crop" | "consumer" | "food";

/** Fertiliser: peak Mar–Jun (1.4), low Sep–Dec (0.7); Jan, Feb, Jul, Aug 0.9 so that the year averages 1. */
const FERTILISER = [0.9, 0.9, 1.4, 1.4, 1.4, 1.4, 0.9, 0.9, 0.7, 0.7, 0.7, 0.7];
/** Cotton, sesame, cashew exports: Dec–May 1.3–1.5 (1.4), Jul–Oct 0.5; Jun and Nov 0.8 for a mean of 1. */
const EXPORT_CROP = [1.4, 1.4, 1.4, 1.4, 1.4, 0.8, 0.5, 0.5, 0.5, 0.5, 0.8, 1.4];
/** December peak for consumer goods: +10 %, the other months slightly below 1. */
const CONSUMER = [...Array.from({ length: 11 }, () => (12 - 1.1) / 11), 1.1];
/** Fuel and cereals: flat ±10 %, drawn per month. */
const FLAT_NOISE = 0.1;

/** Pre-Ramadan and Tabaski import bumps: +5–10 % (7.5 %), in the month about three weeks before the feast. */
const FEAST_BUMP = 1.075;
const FEAST_LEAD_DAYS = 21;
/** First day of Ramadan and Eid al-Adha (Tabaski), 2015–2030 (dates move 10–11 days a year). */
const FEASTS: readonly string[] = [
  "2015-06-18", "2015-09-24", "2016-06-06", "2016-09-12", "2017-05-27", "2017-09-01", "2018-05-16", "2018-08-21",
  "2019-05-06", "2019-08-11", "2020-04-24", "2020-07-31", "2021-04-13", "2021-07-20", "2022-04-02", "2022-07-09",
  "2023-03-23", "2023-06-28", "2024-03-11", "2024-06-16", "2025-03-01", "2025-06-06", "2026-02-18", "2026-05-27",
  "2027-02-08", "2027-05-16", "2028-01-28", "2028-05-05", "2029-01-16", "2029-04-24", "2030-01-06", "2030-04-13",
];

const FEAST_MONTHS: ReadonlySet<string> = new Set(
  FEASTS.map((day) => {
    const d = new Date(Date.parse(`${day}T00:00:00Z`) - FEAST_LEAD_DAYS * DAY_MS);
    return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
  }),
);

/** The multiplier of a flow in a month; `rng` draws the ±10 % of flat flows (one draw per call, so call once per flow and month). */
export function seasonalFactor(profile: SeasonProfile, month: Month, rng: Random): number {
  const i = month.month - 1;
  switch (profile) {
    case "fertiliser":
      return FERTILISER[i] as number;
    case "export_crop":
      return EXPORT_CROP[i] as number;
    case "consumer":
      return CONSUMER[i] as number;
    case "food":
      return (1 + FLAT_NOISE * (2 * rng.next() - 1)) * (FEAST_MONTHS.has(`${month.year}-${month.month}`) ? FEAST_BUMP : 1);
    case "flat":
      return 1 + FLAT_NOISE * (2 * rng.next() - 1);
  }
}

/** Rainy season Jul–Sep: road times +15–30 % (§1.5 [E]); the middle, +20 %, on road legs. */
export const RAINY_SEASON_MONTHS: ReadonlySet<number> = new Set([7, 8, 9]);
export const RAINY_SEASON_ROAD_FACTOR = 1.2;
