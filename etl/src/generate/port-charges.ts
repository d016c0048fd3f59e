/**
 * Port charges (formats.md §5 fee codes). domain.md §4 found no PAL or LCT
 * tariff schedule: amounts are its [E]/[D] calibration, cited per constant.
 */
import { DAY_MS } from "./calendar.js";
import type { Random } from "./random.js";

/** Terminal handling per box: 150–250k (20') / 250–400k (40') FCFA, §4 [E]; the middle of each band, 45' a little above. */
export const THC_XOF: Readonly<Record<"20" | "40" | "45", number>> = { "20": 200_000, "40": 325_000, "45": 350_000 };

/** Storage after free time: 5–15k FCFA per TEU per day, §4 [E]. */
export const STORAGE_XOF_PER_TEU_DAY = 10_000;
/** Free storage: 10 days (BF goods, §3 [S59]); at least 40 days for Niger transit containers since 1 Jun 2024, §1.3 and §3 [S54]. */
export const FREE_DAYS = 10;
export const NIGER_TRANSIT_FREE_DAYS = 40;
export const NIGER_FREE_TIME_FROM_MS = Date.UTC(2024, 5, 1);

/** PAL dues about 1,200–1,400 FCFA per tonne, §4 [D from turnover]. */
export const PORT_DUES_XOF_PER_TONNE = 1_300;
/** Container scanning 70,000 FCFA (Cotecna, §4 [S116]), on a share of import boxes [E]. */
export const SCANNING_XOF = 70_000;
export const SCANNED_SHARE = 0.25;
/** Cinkassé joint border post levy: 25,000 FCFA per truck, §2 and §4 [S72]. */
export const PCJ_LEVY_XOF = 25_000;

/** Ship fees per call [E]: pilotage and towage by ship size, billed in EUR to most foreign lines (1 EUR = 655.957 XOF, §4 [S]). */
export const PILOTAGE_EUR: readonly [number, number] = [1_800, 3_600];
export const TOWAGE_EUR: readonly [number, number] = [2_500, 6_000];
export const EUR_BILLED_SHARE = 0.6;
export const EUR_XOF = 655.957;
/** Berth dues per hour alongside [E]. */
export const BERTH_DUES_XOF_PER_HOUR = 45_000;

/** Share of terminal invoices later corrected by a credit note, and the part credited [E]. */
export const CREDIT_NOTE_SHARE = 0.005;
export const CREDIT_NOTE_DELAY_DAYS: readonly [number, number] = [2, 20];

/** THC of a box by its ISO size-type. */
export function thcOf(sizeType: string): number {
  if (sizeType.startsWith("2")) return THC_XOF["20"];
  if (sizeType.startsWith("L")) return THC_XOF["45"];
  return THC_XOF["40"];
}

/** Storage due for a stay, 0 within the free time (days started count whole). */
export function storageOf(dischargeAt: number, gateOutAt: number, teu: number, nigerTransit: boolean): number {
  const free = nigerTransit && dischargeAt >= NIGER_FREE_TIME_FROM_MS ? NIGER_TRANSIT_FREE_DAYS : FREE_DAYS;
  const days = Math.ceil((gateOutAt - dischargeAt) / DAY_MS) - free;
  return days > 0 ? Math.round(days * teu * STORAGE_XOF_PER_TEU_DAY) : 0;
}

/** A EUR amount with cents, drawn in a range. */
export function eurBetween(rng: Random, [low, high]: readonly [number, number]): number {
  return Math.round(rng.between(low, high)) + rng.int(4) * 0.25;
}
