/**
 * Annual volumes at scale 1, from /work/shared/docs/domain.md (section numbers
 * below). [S] sourced, [D] derived by arithmetic, [E] estimate, as tagged there.
 */
import type { Month } from "./calendar.js";

export type AesCountry = "BF" | "NE" | "ML";
export const AES_COUNTRIES: readonly AesCountry[] = ["BF", "NE", "ML"];

/** Month from which Niger's cargo is diverted to Lomé (Benin border closed after 30 Jul 2023; first Téra convoy 18 Aug 2023), §1.3 [S]. */
export const NIGER_DIVERSION_FROM: Month = { year: 2023, month: 8 };

/** BF transit via Lomé in 2022: 3,081,050 t, §1.3 [S]. */
const BF_TRANSIT_2022_T = 3_081_050;
/** BF growth +6–10 %/yr, §7 [E]: the low end keeps BF within 70–78 % of AES transit after Niger's jump. */
const BF_GROWTH_PER_YEAR = 0.06;
/** Niger 2022: 292,301 t, §1.3 [S]; it fell about 1 %/yr from 2013 to 2022 [S]. */
const NE_TRANSIT_2022_T = 292_301;
const NE_TREND_PER_YEAR = -0.01;
/**
 * Niger after the diversion: the ×2–4 step change of §7 [E], set at 0.74 Mt/yr
 * in 2023 so that Niger is 12–18 % of AES transit (§1.3 [E]), growing 5 %/yr.
 */
const NE_DIVERTED_2023_T = 740_000;
const NE_DIVERTED_GROWTH_PER_YEAR = 0.05;
/**
 * Mali: 174,203 t in 2022 (§1.3 [S]) in a year depressed by the ECOWAS
 * sanctions of Jan–Jul 2022 (§7); flat ±10 % otherwise (§7 [E]). 220 kt/yr
 * keeps Mali at 4–6 % of AES transit.
 */
const ML_TRANSIT_T = 220_000;
/** The Jan–Jul 2022 sanctions: Malian volume at Lomé collapses (§7), here to 30 %. */
const ML_SANCTIONS = { from: { year: 2022, month: 1 }, to: { year: 2022, month: 7 }, factor: 0.3 } as const;

/** Exports are 4–6 % of transit tonnage, imports 94–96 % (§7 [S BF 2021: 1.9 Mt vs 0.09 Mt]). */
export const EXPORT_SHARE_OF_TRANSIT = 0.05;

const ordinal = (m: Month) => m.year * 12 + m.month - 1;

/** AES transit tonnage (imports + exports) of a country, as a yearly rate in force during `month`. */
export function aesTransitTonnesPerYear(country: AesCountry, month: Month): number {
  const years = month.year - 2022;
  switch (country) {
    case "BF":
      return BF_TRANSIT_2022_T * (1 + BF_GROWTH_PER_YEAR) ** years;
    case "NE":
      return ordinal(month) >= ordinal(NIGER_DIVERSION_FROM)
        ? NE_DIVERTED_2023_T * (1 + NE_DIVERTED_GROWTH_PER_YEAR) ** (month.year - 2023)
        : NE_TRANSIT_2022_T * (1 + NE_TREND_PER_YEAR) ** years;
    case "ML": {
      const sanctioned = ordinal(month) >= ordinal(ML_SANCTIONS.from) && ordinal(month) <= ordinal(ML_SANCTIONS.to);
      return ML_TRANSIT_T * (sanctioned ? ML_SANCTIONS.factor : 1);
    }
  }
}

/** Shares of AES transit tonnage the constants above give for a month (the calibration the tests check). */
export function aesCountryShares(month: Month): Record<AesCountry, number> {
  const bf = aesTransitTonnesPerYear("BF", month);
  const ne = aesTransitTonnesPerYear("NE", month);
  const ml = aesTransitTonnesPerYear("ML", month);
  const total = bf + ne + ml;
  return { BF: bf / total, NE: ne / total, ML: ml / total };
}

/** Port imports by year, tonnes, §1.1 [S] (2025: no figure, 2024 kept [E]). */
const PORT_IMPORTS_T: Readonly<Record<number, number>> = {
  2019: 6_500_000,
  2020: 7_500_000,
  2021: 7_963_244,
  2022: 8_069_169,
  2023: 8_912_225,
  2024: 8_575_000,
};

/** Other transit countries (Ghana, Chad, Nigeria) are 3 % of transit, §7 [E]. */
const OTHER_TRANSIT_SHARE = 0.03;

/** The value of a by-year table for a year, the nearest year's outside the table. */
export function byYear(table: Readonly<Record<number, number>>, year: number): number {
  const years = Object.keys(table).map(Number).sort((a, b) => a - b);
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  return table[Math.min(Math.max(year, first), last)] as number;
}

/**
 * Share of that remainder declared for home use at Lomé [E]; the rest is
 * free-zone, re-export and other traffic outside the four administrations'
 * feeds. Set so that Togo's customs revenue (DD, RS, PC, PCS, VAT) comes near
 * the OTR's 389 bn FCFA of 2023 (domain.md §4 [S103]) at scale 1.
 */
export const TOGO_DECLARED_SHARE = 0.3;

/**
 * Togo home-use imports: port imports less AES transit imports and other
 * countries' transit ([D], about 4–5 Mt/yr), times the declared share. They
 * come on top of the AES flows.
 */
export function togoHomeUseTonnesPerYear(month: Month): number {
  let aesTransit = 0;
  for (const country of AES_COUNTRIES) aesTransit += aesTransitTonnesPerYear(country, month);
  const aesImports = aesTransit * (1 - EXPORT_SHARE_OF_TRANSIT);
  const otherTransit = (aesTransit / (1 - OTHER_TRANSIT_SHARE)) * OTHER_TRANSIT_SHARE;
  return (byYear(PORT_IMPORTS_T, month.year) - aesImports - otherTransit) * TOGO_DECLARED_SHARE;
}

/** Port TEU by year, §1.1 [S] (2025 like 2024 [E]). */
const PORT_TEU: Readonly<Record<number, number>> = {
  2020: 1_725_270,
  2021: 1_962_304,
  2022: 1_800_000,
  2023: 1_907_000,
  2024: 2_000_000,
};

/** Transshipment is more than 77 % of the port's containers, §1.1 [S]. */
export const TRANSSHIPMENT_SHARE_OF_CONTAINERS = 0.77;
/** Average TEU per box of the transshipment mix below (22G1/42G1/45G1/L5G1…) [E]. */
const TEU_PER_BOX = 1.65;

/**
 * Transshipment boxes per year: each is handled twice (discharge, load), and
 * port TEU count both moves, so boxes = TEU × share / TEU-per-box / 2.
 */
export function transshipmentBoxesPerYear(year: number): number {
  return (byYear(PORT_TEU, year) * TRANSSHIPMENT_SHARE_OF_CONTAINERS) / TEU_PER_BOX / 2;
}

/** Commercial ship calls: 1,411 (2023), 1,440 (2024), §1.1 [S]. */
const SHIP_CALLS: Readonly<Record<number, number>> = { 2023: 1_411, 2024: 1_440 };

export type Terminal = "LCT" | "TTL" | "QCONV" | "QMIN" | "JETTY";
export const CONTAINER_TERMINALS: readonly Terminal[] = ["LCT", "TTL"];

/**
 * Split of calls by terminal [E]. LCT handles about 75 % of the port's
 * containers (§1.2 [S]), hence three LCT calls for one Togo Terminal call.
 */
export const CALL_SHARE: Readonly<Record<Terminal, number>> = { LCT: 0.45, TTL: 0.15, QCONV: 0.2, QMIN: 0.08, JETTY: 0.12 };

export function shipCallsPerYear(year: number): number {
  return byYear(SHIP_CALLS, year);
}

/**
 * Ship calls scale with √scale rather than scale: at a small scale the port
 * keeps enough calls for waiting and turnaround figures, each carrying less.
 */
export function callScale(scale: number): number {
  return Math.min(1, Math.sqrt(scale));
}

/** Bulk trucks carry 30–45 t, with an overload tail to 60 t, §2 [E]. */
export const TRUCK_LOAD_T = { min: 30, max: 45, overloadMax: 60, overloadShare: 0.05 } as const;

/** Freight sharing of sea-borne transit: 1/3 coastal-state trucks, 2/3 landlocked-state trucks, §2 [S]. */
export const COASTAL_TRUCK_SHARE = 1 / 3;

/** Share of IM8 ended by an IM4 at the destination office whose clearance is in the feed [E]. */
export const IM8_ENDED_BY_IM4_SHARE = 0.35;

/** Share of declarations cancelled and replaced by another [E]. */
export const CANCELLED_SHARE = 0.005;

/** Import containers returned empty to the port, then shipped out [E]. */
export const EMPTY_RETURN_SHARE = 0.7;
