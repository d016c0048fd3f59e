/**
 * Ships and their calls: a fleet that grows as needed (a ship is never at two
 * berths at once), calls per terminal and month at the calibrated rate, and
 * each call's times (domain.md §3: waiting before berth 12 h / 48 h).
 */
import { DAY_MS, daysInMonth, HOUR_MS, monthStart, toMinute, wall, type Month } from "./calendar.js";
import { BERTH_H, drawMs, SHIP_WAITING_H } from "./durations.js";
import { imoNumber, yy, type Sequences } from "./identifiers.js";
import { CARRIERS, shipName } from "./names.js";
import type { Random } from "./random.js";
import { CALL_SHARE, callScale, shipCallsPerYear, type Terminal } from "./volumes.js";

type ShipKind = "container" | "general" | "bulk" | "tanker";

const KIND_OF_TERMINAL: Readonly<Record<Terminal, ShipKind>> = { LCT: "container", TTL: "container", QCONV: "general", QMIN: "bulk", JETTY: "tanker" };
const TERMINALS: readonly Terminal[] = ["LCT", "TTL", "QCONV", "QMIN", "JETTY"];

interface Vessel {
  readonly name: string;
  readonly imo: string;
  readonly carrier: string;
  readonly kind: ShipKind;
  voyages: number;
  freeFrom: number;
}

/** A ship call and what it carried, filled in as its cargo is handled. */
export interface Call {
  readonly id: string;
  readonly terminal: Terminal;
  readonly vesselName: string;
  readonly imo: string;
  readonly carrier: string;
  readonly voyage: string;
  readonly arrivedAt: number;
  readonly berthedAt: number;
  readonly departedAt: number;
  /** Boxes are discharged in the first part of the stay and loaded in the last. */
  readonly dischargeFrom: number;
  readonly dischargeTo: number;
  readonly loadFrom: number;
  readonly loadTo: number;
  teuDischarged: number;
  teuLoaded: number;
  tonnesDischarged: number;
  tonnesLoaded: number;
}

/** A new ship joins the services now and then even when one is free [E]. */
const NEW_SHIP_SHARE = 0.05;
/** A ship is free again this long after it left. */
const SHIP_ROTATION_MS = 10 * DAY_MS;

export class Fleet {
  readonly #vessels = new Map<ShipKind, Vessel[]>();

  constructor(private readonly rng: Random) {}

  #vessel(kind: ShipKind, at: number, rng: Random): Vessel {
    const fleet = this.#vessels.get(kind) ?? [];
    this.#vessels.set(kind, fleet);
    const free = fleet.filter((v) => v.freeFrom <= at);
    if (free.length > 0 && !rng.chance(NEW_SHIP_SHARE)) return rng.pick(free);
    const ids = new Set([...this.#vessels.values()].flat().map((v) => v.imo));
    let imo = imoNumber(this.rng);
    while (ids.has(imo)) imo = imoNumber(this.rng);
    const vessel: Vessel = { name: shipName(this.rng), imo, carrier: this.rng.pick(CARRIERS), kind, voyages: this.rng.intBetween(1, 60), freeFrom: 0 };
    fleet.push(vessel);
    return vessel;
  }

  /** The calls arriving in a month, in order of arrival, numbered `LFW-YY-NNNN` per year. */
  callsOf(month: Month, scale: number, sequences: Sequences, rng: Random): Call[] {
    const arrivals: { terminal: Terminal; at: number }[] = [];
    const days = daysInMonth(month);
    for (const terminal of TERMINALS) {
      const expected = (shipCallsPerYear(month.year) * CALL_SHARE[terminal] * days * callScale(scale)) / 365;
      // At least one call per terminal and month, so every kind of cargo has a ship.
      const n = Math.max(1, rng.poisson(expected));
      for (let i = 0; i < n; i++) arrivals.push({ terminal, at: toMinute(monthStart(month) + rng.next() * days * DAY_MS) });
    }
    arrivals.sort((a, b) => a.at - b.at || (a.terminal < b.terminal ? -1 : 1));
    return arrivals.map(({ terminal, at }) => {
      const vessel = this.#vessel(KIND_OF_TERMINAL[terminal], at, rng);
      const berthedAt = toMinute(at + drawMs(rng, SHIP_WAITING_H, HOUR_MS, 8));
      const stay = drawMs(rng, BERTH_H[terminal], HOUR_MS, 4);
      const departedAt = toMinute(berthedAt + Math.max(stay, 6 * HOUR_MS));
      vessel.voyages++;
      vessel.freeFrom = departedAt + SHIP_ROTATION_MS;
      const year = wall(at).year;
      const voyage = vessel.kind === "container" ? `${String(vessel.voyages % 1000).padStart(3, "0")}${vessel.voyages % 2 === 0 ? "N" : "S"}` : `V${vessel.voyages}`;
      const span = departedAt - berthedAt;
      return {
        id: `LFW-${yy(year)}-${sequences.next(`call:${year}`, 2_000, 3_500)}`,
        terminal,
        vesselName: vessel.name,
        imo: vessel.imo,
        carrier: vessel.carrier,
        voyage,
        arrivedAt: at,
        berthedAt,
        departedAt,
        dischargeFrom: berthedAt + HOUR_MS,
        dischargeTo: berthedAt + span * 0.65,
        loadFrom: berthedAt + span * 0.35,
        loadTo: departedAt - HOUR_MS,
        teuDischarged: 0,
        teuLoaded: 0,
        tonnesDischarged: 0,
        tonnesLoaded: 0,
      };
    });
  }
}
