/**
 * The consignment model, a month at a time: the month's exports set off
 * inland; the month's ships arrive in order, each discharging its
 * transshipment boxes and the import consignments it carries (which then go
 * their way through customs, the gate and the corridor), and loading what
 * waits in the yard; then the call itself is reported with its fees.
 */
import { daysInMonth, HOUR_MS, monthLabel, toMinute, wall, type Month } from "./calendar.js";
import { teuOf } from "./cargo.js";
import { Demand, type ConsignmentSpec } from "./demand.js";
import { hours, TRANSSHIPMENT_YARD_H } from "./durations.js";
import { processExport } from "./export-consignments.js";
import { yy } from "./identifiers.js";
import { processImport } from "./import-consignments.js";
import { BERTH_DUES_XOF_PER_HOUR, EUR_BILLED_SHARE, EUR_XOF, eurBetween, PILOTAGE_EUR, TOWAGE_EUR } from "./port-charges.js";
import type { Random } from "./random.js";
import { Fleet, type Call } from "./ships.js";
import { CONTAINER_TERMINALS, transshipmentBoxesPerYear } from "./volumes.js";
import type { World } from "./world.js";
import type { BoxEvent } from "./write-container-events.js";
import { issuedAfter } from "./write-port-invoices.js";

/** Size-types of transshipment boxes [E]: about 1.65 TEU per box (volumes.ts). */
const TRANSSHIPMENT_SIZES: readonly (readonly [string, number])[] = [["22G1", 0.35], ["42G1", 0.15], ["45G1", 0.4], ["L5G1", 0.03], ["22R1", 0.02], ["45R1", 0.05]];
/** Gross weight of a transshipment box, tonnes [E]. */
const TRANSSHIPMENT_KG = { twenty: [6, 24], forty: [8, 27] } as const;

export class Scenario {
  readonly #fleet: Fleet;
  readonly #demand: Demand;

  constructor(
    private readonly world: World,
    private readonly rng: Random,
  ) {
    this.#fleet = new Fleet(rng.fork("fleet"));
    this.#demand = new Demand(world.scale, rng.fork("demand"));
  }

  /** Generates the month; returns how many consignments (declared cargo lots) it started. */
  runMonth(month: Month): number {
    const rng = this.rng.fork(monthLabel(month));
    const exportRng = rng.fork("exports");
    const exports = this.#demand.exports(month);
    for (const spec of exports) processExport(this.world, spec, month, exportRng);

    const callRng = rng.fork("calls");
    const calls = this.#fleet.callsOf(month, this.world.scale, this.world.sequences, callRng);
    const imports = this.#demand.imports(month);
    const carried = this.#assign(calls, imports, rng.fork("assign"));
    const containerCalls = calls.filter((c) => (CONTAINER_TERMINALS as readonly string[]).includes(c.terminal)).length;
    const transshipmentPerCall = (transshipmentBoxesPerYear(month.year) * this.world.scale * daysInMonth(month)) / 365 / Math.max(1, containerCalls);

    const importRng = rng.fork("imports");
    calls.forEach((call, i) => {
      const discharges: BoxEvent[] = [];
      if ((CONTAINER_TERMINALS as readonly string[]).includes(call.terminal)) this.#transship(call, callRng.poisson(transshipmentPerCall), discharges, callRng);
      for (const spec of carried[i] ?? []) processImport(this.world, spec, call, discharges, importRng);
      this.world.containerEvents.writeCoarri(call.terminal, "DISCHARGE", call, discharges);
      this.#load(call, callRng);
      this.world.vesselCalls.write({ ...call, callId: call.id });
      this.#shipFees(call, callRng);
    });
    return exports.length + imports.length;
  }

  /** Each consignment to a ship of the month at the right terminal: containers to LCT or Togo Terminal, bulk to its quay. */
  #assign(calls: readonly Call[], specs: readonly ConsignmentSpec[], rng: Random): ConsignmentSpec[][] {
    const byTerminal = new Map<string, number[]>();
    calls.forEach((call, i) => {
      const key = (CONTAINER_TERMINALS as readonly string[]).includes(call.terminal) ? "container" : call.terminal;
      byTerminal.set(key, [...(byTerminal.get(key) ?? []), i]);
    });
    const carried: ConsignmentSpec[][] = calls.map(() => []);
    for (const spec of specs) {
      const key = spec.mode === "container" ? "container" : (spec.commodity.bulkTerminal ?? "QCONV");
      const candidates = byTerminal.get(key) ?? byTerminal.get("QCONV") ?? [];
      const index = rng.pick(candidates);
      carried[index]?.push(spec);
    }
    return carried;
  }

  /** Boxes only passing through: discharged here, loaded on a later ship (status 6, no declaration). */
  #transship(call: Call, n: number, discharges: BoxEvent[], rng: Random): void {
    const year = wall(call.arrivedAt).year;
    for (let i = 0; i < n; i++) {
      const sizeType = rng.weighted(TRANSSHIPMENT_SIZES);
      const [low, high] = sizeType.startsWith("2") ? TRANSSHIPMENT_KG.twenty : TRANSSHIPMENT_KG.forty;
      const at = toMinute(rng.between(call.dischargeFrom, call.dischargeTo));
      const box = {
        containerNo: this.world.numbers.next(),
        sizeType,
        status: 6 as const,
        full: true,
        billOfLading: `${call.carrier}TS${yy(year)}${this.world.sequences.next(`ts-bl:${call.carrier}:${year}`, 100_000, 500_000)}`,
        grossKg: Math.round(rng.between(low, high) * 100) * 10,
        seal: "",
        haulier: "",
        truckPlate: "",
        deliveryOffice: "",
      };
      discharges.push({ ...box, at });
      call.teuDischarged += teuOf(sizeType);
      call.tonnesDischarged += box.grossKg / 1000;
      // Never back on the ship that brought it.
      this.world.yard.addBox(call.terminal, { readyAt: Math.max(at + hours(rng, TRANSSHIPMENT_YARD_H, 6), call.departedAt + HOUR_MS), box });
    }
  }

  /** What waits for this ship: boxes at its terminal, ore at the mineral quay. */
  #load(call: Call, rng: Random): void {
    const readyBy = call.loadTo - HOUR_MS;
    if (call.terminal === "QMIN") {
      for (const lot of this.world.yard.takeOre(readyBy)) call.tonnesLoaded += lot.tonnes;
      return;
    }
    if (!(CONTAINER_TERMINALS as readonly string[]).includes(call.terminal)) return;
    const loads: BoxEvent[] = this.world.yard.takeBoxes(call.terminal, readyBy).map((w) => ({ ...w.box, at: toMinute(rng.between(Math.max(w.readyAt, call.loadFrom), call.loadTo)) }));
    for (const l of loads) {
      call.teuLoaded += teuOf(l.sizeType);
      call.tonnesLoaded += l.grossKg / 1000;
    }
    this.world.containerEvents.writeCoarri(call.terminal, "LOAD", call, loads);
  }

  /** Pilotage, towage and berth dues, unallocated (empty country), billed by the port authority after departure. */
  #shipFees(call: Call, rng: Random): void {
    const issuedAt = issuedAfter(call.departedAt, rng, 24);
    const inEur = rng.chance(EUR_BILLED_SHARE);
    const shipFee = (fee: "PILOTAGE" | "TOWAGE", range: readonly [number, number]) => {
      const eur = eurBetween(rng, range);
      this.world.invoices.issue({ issuer: "PAL", issuedAt, fee, amount: inEur ? eur : Math.round(eur * EUR_XOF), currency: inEur ? "EUR" : "XOF", country: "", callId: call.id, container: "", declaration: "" });
    };
    shipFee("PILOTAGE", PILOTAGE_EUR);
    shipFee("TOWAGE", TOWAGE_EUR);
    const hoursAlongside = Math.max(1, Math.ceil((call.departedAt - call.berthedAt) / HOUR_MS));
    this.world.invoices.issue({ issuer: "PAL", issuedAt, fee: "BERTH_DUES", amount: hoursAlongside * BERTH_DUES_XOF_PER_HOUR, currency: "XOF", country: "", callId: call.id, container: "", declaration: "" });
  }
}
