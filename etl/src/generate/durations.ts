/**
 * Time distributions, lognormal by median and P90, in hours unless named
 * otherwise. domain.md §3 "[E] Generator distributions" gives the corridor
 * figures; the others are estimates [E] chosen to be consistent with them.
 */
import { DAY_MS, HOUR_MS, monthOf, monthOrdinal, type Month } from "./calendar.js";
import { scaled, type LogNormal, type Random } from "./random.js";
import type { Terminal } from "./volumes.js";

/** Vessel waiting before berth: 12 h / 48 h, §3. */
export const SHIP_WAITING_H: LogNormal = { median: 12, p90: 48 };

/** Time at berth by terminal [E]: container ships at about 30 moves/h with several cranes (§1.2), bulk ships longer. */
export const BERTH_H: Readonly<Record<Terminal, LogNormal>> = {
  LCT: { median: 28, p90: 60 },
  TTL: { median: 30, p90: 66 },
  QCONV: { median: 60, p90: 140 },
  QMIN: { median: 70, p90: 160 },
  JETTY: { median: 36, p90: 72 },
};

/** Discharge → gate-out of import containers: 8 d / 25 d (2019–22), §3. */
export const PORT_DWELL_D: LogNormal = { median: 8, p90: 25 };
/** The May 2024 congestion regime: 12 d / 35 d (§3; exits sometimes >30 d, §3 [S88]), from May to July 2024. */
export const CONGESTION_DWELL_D: LogNormal = { median: 12, p90: 35 };
export const CONGESTION: { readonly from: Month; readonly to: Month } = { from: { year: 2024, month: 5 }, to: { year: 2024, month: 7 } };
/** Oct 2024 GUFORD digitalisation: dwell −10–20 % (§7); the middle, −15 %. */
export const GUFORD_FROM: Month = { year: 2024, month: 10 };
export const GUFORD_DWELL_FACTOR = 0.85;
/** Longest dwell generated: the lognormal tail beyond it is cut (0.3 % of boxes in normal times). */
export const MAX_DWELL_D = 90;

/** The dwell distribution of a box discharged at `ms`. */
export function portDwellDays(ms: number): LogNormal {
  const o = monthOrdinal(monthOf(ms));
  if (o >= monthOrdinal(CONGESTION.from) && o <= monthOrdinal(CONGESTION.to)) return CONGESTION_DWELL_D;
  if (o >= monthOrdinal(GUFORD_FROM)) return scaled(PORT_DWELL_D, GUFORD_DWELL_FACTOR);
  return PORT_DWELL_D;
}

/** Last discharge → registration of the import declaration [E]: most are lodged within a day of discharge. */
export const DECLARATION_LAG_H: LogNormal = { median: 10, p90: 48 };
/** IM8 registration → release (BAE): 1.5 d / 5 d, §3. */
export const RELEASE_IM8_H: LogNormal = { median: 36, p90: 120 };
/** Home use at Lomé (IM4): payment and inspection take longer [E; Doing Business border compliance 168 h for Togo, §3]. */
export const RELEASE_IM4_LOME_H: LogNormal = { median: 48, p90: 144 };
/** IM4 at the destination office, ending an IM8 [E; the sample's D4 took 25 h]. */
export const RELEASE_IM4_DESTINATION_H: LogNormal = { median: 24, p90: 72 };
/** EX1 at the exporting office [E; the sample's D5 took 6.5 h]. */
export const RELEASE_EX1_H: LogNormal = { median: 6, p90: 24 };
/** Registration → receipt (payment) where duties are paid [E]. */
export const RECEIPT_H: LogNormal = { median: 3, p90: 20 };
/** Longest release generated (a declaration blocked a month is an outlier the ETL must take, not a norm). */
export const MAX_RELEASE_H = 30 * 24;

/** BAE → gate-out when the box waited for its release [E]. */
export const POST_RELEASE_GATE_H: LogNormal = { median: 6, p90: 30 };
/** Gate-out → DEPARTED at TGLFW [E; the sample's trucks left 4 h after the gate]. */
export const GATE_TO_DEPARTURE_H: LogNormal = { median: 2, p90: 6 };
/** Bulk cargo: release → first truck loaded at the quay or the depot [E]. */
export const BULK_PICKUP_H: LogNormal = { median: 48, p90: 168 };
/** Bulk cargo: gap between two trucks of the same declaration [E]. */
export const TRUCK_SPACING_H: LogNormal = { median: 3, p90: 12 };
/** Destination: last COMPLETED → registration of the IM4 that ends the IM8 [E]. */
export const IM4_AFTER_ARRIVAL_H: LogNormal = { median: 24, p90: 96 };

/** Transshipment box: discharge → load on the next ship [E]. */
export const TRANSSHIPMENT_YARD_H: LogNormal = { median: 96, p90: 288 };
/** Empty return: end of the truck journey (or gate-out for home use) → empty gate-in [E]. */
export const EMPTY_RETURN_H: LogNormal = { median: 120, p90: 360 };
/** A box at the terminal is ready for loading this long after its gate-in [E]. */
export const READY_FOR_LOADING_H = 12;

/** Exports: release of the EX1 → first truck leaves [E]. */
export const EXPORT_DEPARTURE_H: LogNormal = { median: 10, p90: 36 };
/** Exports: COMPLETED at TGLFW → gate-in at the terminal [E]. */
export const EXPORT_GATE_IN_H: LogNormal = { median: 3, p90: 12 };

/** Transit system: event → recordedAt, minutes [E]. */
export const RECORDING_DELAY_MIN: LogNormal = { median: 3, p90: 15 };
/** Share of transit events recorded days late (they arrive in a later file), and how late [E]. */
export const LATE_EVENT_SHARE = 0.02;
export const LATE_EVENT_H: LogNormal = { median: 72, p90: 240 };
/** Share of transit events the system sends twice [E]. */
export const REPEATED_EVENT_SHARE = 0.005;

/**
 * Road legs and border crossings of the corridors, both directions, keyed
 * `A>B` in the import direction. Crossings run from ARRIVED at the exit office
 * to RELEASED at the entry office (formats.md).
 */
export const ROAD_LEG_H: Readonly<Record<string, LogNormal>> = {
  /** Gate-out → Cinkassé 1.5 d / 3 d, §3. */
  "TGLFW>TGCIN": { median: 36, p90: 72 },
  /** Cinkassé → Ouagadougou 0.5 d / 1.5 d, §3. */
  "BFCIN>BFOUA": { median: 12, p90: 36 },
  /** Cinkansé → Ouagadougou → Bobo-Dioulasso (+360 km) [E]. */
  "BFCIN>BFBOB": { median: 30, p90: 72 },
  /** Cinkansé → Koupéla → Fada N'Gourma → Kantchari [E]. */
  "BFCIN>BFKAN": { median: 24, p90: 60 },
  "NEMAK>NENIM": { median: 10, p90: 24 },
  /** Ouaga → Niamey escorted convoy 4 d / 10 d (§3), Cinkansé → Seytenga being most of it [D/E]. */
  "BFCIN>BFSEY": { median: 72, p90: 192 },
  "NETER>NENIM": { median: 20, p90: 48 },
  /** Ouaga → Bamako 3 d / 7 d (§3): Cinkansé → Koloko or Faramana, then the Malian leg [E]. */
  "BFCIN>BFKOL": { median: 44, p90: 96 },
  "MLHER>MLSIK": { median: 5, p90: 14 },
  "MLHER>MLBKO": { median: 30, p90: 72 },
  "BFCIN>BFFAR": { median: 36, p90: 84 },
  "MLKOU>MLBKO": { median: 36, p90: 84 },
};

export const CROSSING_H: Readonly<Record<string, LogNormal>> = {
  /** Cinkassé crossing (PCJ entry → exit) 10 h / 48 h, §3. */
  "TGCIN>BFCIN": { median: 10, p90: 48 },
  /** The other posts [E]: smaller, with no joint post. */
  "BFKAN>NEMAK": { median: 8, p90: 36 },
  "BFSEY>NETER": { median: 8, p90: 36 },
  "BFKOL>MLHER": { median: 10, p90: 40 },
  "BFFAR>MLKOU": { median: 10, p90: 40 },
};

/** How a crossing splits: time at the exit office, the drive between the two posts, the rest at the entry office [E]. */
export const CROSSING_SPLIT = { exit: 0.45, transfer: 0.05 } as const;

/** Security incidents on the Téra and Kantchari segments: +2–5 d for a share of Niger trucks, §7. */
export const SECURITY_INCIDENT = { share: 0.05, minH: 48, maxH: 120, legs: ["BFCIN>BFSEY", "BFCIN>BFKAN"] } as const;

/** Offices' working hours for registrations [E]. */
export const OFFICE_HOURS = { open: 7, close: 19 } as const;

/** A draw in ms, cut at `maxMultiple` medians so that one freak value cannot leave the generation window. */
export function drawMs(rng: Random, distribution: LogNormal, unitMs: number, maxMultiple = 12): number {
  return Math.min(rng.lognormal(distribution), distribution.median * maxMultiple) * unitMs;
}

export const hours = (rng: Random, distribution: LogNormal, maxMultiple?: number) => drawMs(rng, distribution, HOUR_MS, maxMultiple);
export const days = (rng: Random, distribution: LogNormal, maxMultiple?: number) => drawMs(rng, distribution, DAY_MS, maxMultiple);
