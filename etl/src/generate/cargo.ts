/**
 * Pieces every consignment uses: declaration items and their taxes, the
 * grouping of boxes on trucks, the trucks themselves and their journeys (with
 * the Cinkassé levy), office hours, and the empties going back to the port.
 */
import { teuOfSizeType } from "../core/check-digits.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, offsetOf, toMinute, wall } from "./calendar.js";
import { GENERAL_GOODS, commodityOf, type Commodity } from "./commodities.js";
import { officeOf, type RouteInfo } from "./corridors.js";
import type { ConsignmentSpec } from "./demand.js";
import { EMPTY_RETURN_H, hours, OFFICE_HOURS, READY_FOR_LOADING_H } from "./durations.js";
import { truckPlate } from "./identifiers.js";
import { journey, type Direction, type Stop } from "./journeys.js";
import { haulier } from "./names.js";
import { PCJ_LEVY_XOF } from "./port-charges.js";
import type { Random } from "./random.js";
import { exportLines, homeUseLines, transitLines } from "./tariffs.js";
import { COASTAL_TRUCK_SHARE } from "./volumes.js";
import type { World } from "./world.js";
import { tareKg, type BoxEvent } from "./write-container-events.js";
import type { DeclarationItem } from "./write-customs-declarations.js";
import { issuedAfter } from "./write-port-invoices.js";

export const teuOf = (sizeType: string): number => teuOfSizeType(sizeType) ?? 1;

/** A time moved into the office's working hours (registrations happen at the counter) [E]. */
export function officeHours(world: World, office: string, ms: number, rng: Random): number {
  const offset = offsetOf(officeOf(world.corridors, office).timezone, ms);
  const local = wall(ms, offset);
  if (local.hour >= OFFICE_HOURS.open && local.hour < OFFICE_HOURS.close) return toMinute(ms);
  const dayStart = Date.UTC(local.year, local.month - 1, local.day) - offset;
  const nextOpen = dayStart + (local.hour < OFFICE_HOURS.open ? 0 : DAY_MS) + OFFICE_HOURS.open * HOUR_MS;
  return toMinute(nextOpen + rng.between(0, 90) * MINUTE_MS);
}

/** An item before its taxes: what it is, how heavy, what it is worth. */
export interface ItemSpec {
  readonly commodity: Commodity;
  readonly origin: string;
  readonly grossKg: number;
  readonly netKg: number;
  readonly cif: number;
}

/** CIF per tonne varies ±15 % between contracts [E]. */
const PRICE_SPREAD = 0.15;
/** General goods share a declaration as a second item in one consignment out of five [E]. */
const SECOND_ITEM_SHARE = 0.2;

function itemOf(commodity: Commodity, grossKg: number, origin: string, rng: Random): ItemSpec {
  const price = commodity.cifPerTonne * (1 + PRICE_SPREAD * (2 * rng.next() - 1));
  return { commodity, origin, grossKg, netKg: Math.round(grossKg * rng.between(0.97, 0.995)), cif: Math.max(1_000, Math.round((grossKg / 1000) * price / 1000) * 1000) };
}

/** The items of a consignment: one, or for general goods sometimes two of different kinds. */
export function itemSpecs(spec: ConsignmentSpec, grossKg: number, rng: Random): ItemSpec[] {
  const origin = (c: Commodity) => (c.origins.length > 0 ? rng.pick(c.origins) : spec.country);
  if (GENERAL_GOODS.includes(spec.commodity.key) && grossKg >= 2_000 && rng.chance(SECOND_ITEM_SHARE)) {
    const other = commodityOf(rng.pick(GENERAL_GOODS.filter((k) => k !== spec.commodity.key)));
    const secondKg = Math.round((grossKg * rng.between(0.2, 0.5)) / 10) * 10;
    return [itemOf(spec.commodity, grossKg - secondKg, origin(spec.commodity), rng), itemOf(other, secondKg, origin(other), rng)];
  }
  return [itemOf(spec.commodity, grossKg, origin(spec.commodity), rng)];
}

export type TaxRegime = { readonly kind: "transit"; readonly countriesCrossed: number } | { readonly kind: "home" } | { readonly kind: "export" };

/** Items with their tax lines, as a declaration registered at `registeredAt` under `regime` carries them. */
export function declarationItems(items: readonly ItemSpec[], regime: TaxRegime, registeredAt: number): DeclarationItem[] {
  return items.map((item) => {
    const taxes =
      regime.kind === "transit"
        ? transitLines(item.cif, item.commodity, registeredAt, regime.countriesCrossed)
        : regime.kind === "home"
          ? homeUseLines(item.cif, item.commodity, registeredAt)
          : exportLines(item.cif);
    return { hs: item.commodity.hs, origin: item.origin, description: item.commodity.description, grossKg: item.grossKg, netKg: item.netKg, cif: item.cif, taxes };
  });
}

/** Boxes on trucks: one 40/45-foot box, or one or two 20-foot boxes (domain.md §2 [E]). */
export function truckGroups<T extends { readonly sizeType: string }>(boxes: readonly T[], rng: Random): T[][] {
  const groups: T[][] = [];
  let pending: T | null = null;
  for (const box of boxes) {
    if (!box.sizeType.startsWith("2")) {
      groups.push([box]);
    } else if (pending !== null) {
      groups.push([pending, box]);
      pending = null;
    } else if (rng.chance(0.5)) {
      pending = box;
    } else {
      groups.push([box]);
    }
  }
  if (pending !== null) groups.push([pending]);
  return groups;
}

export interface Truck {
  readonly plate: string;
  readonly haulier: string;
}

/** A truck for transit cargo: a third coastal (Togolese), two thirds of the landlocked country (domain.md §2 [S]). */
export function chooseTruck(cargoCountry: string, rng: Random): Truck {
  const country = cargoCountry === "TG" || rng.chance(COASTAL_TRUCK_SHARE) ? "TG" : cargoCountry;
  return { plate: truckPlate(country, rng), haulier: haulier(country, rng) };
}

/** Movements registered and then cancelled at the port, their truck replaced [E]. */
const CANCELLED_MOVEMENT_SHARE = 0.002;

export interface TruckTrip {
  readonly route: RouteInfo;
  readonly direction: Direction;
  readonly inlandOffice: string;
  readonly departAt: number;
  readonly declaration: string;
  readonly containers: readonly string[];
  readonly grossKg: number;
  readonly cargoCountry: string;
  readonly escort: boolean;
  readonly truck: Truck;
}

function movementId(world: World, at: number): string {
  const year = wall(at).year;
  return `TRIE-${year}-${String(world.sequences.next(`movement:${year}`, 1_000, 5_000)).padStart(6, "0")}`;
}

/** Sends one truck along its route: its transit events and its Cinkassé levy. Returns its stops. */
export function sendTruck(world: World, trip: TruckTrip, rng: Random): Stop[] {
  let departAt = trip.departAt;
  const base = { declaration: trip.declaration, route: trip.route.code, truck: trip.truck.plate, containers: trip.containers, grossKg: trip.grossKg, escort: trip.escort };
  if (rng.chance(CANCELLED_MOVEMENT_SHARE)) {
    const cancelledAt = toMinute(departAt + rng.between(1, 3) * HOUR_MS);
    const office = trip.direction === "import" ? trip.route.offices[0] ?? "TGLFW" : trip.inlandOffice;
    world.movements.writeCancelled({ ...base, movement: movementId(world, departAt), stops: [{ event: "DEPARTED", office, at: toMinute(departAt) }] }, cancelledAt);
    departAt = cancelledAt + rng.between(1, 2) * HOUR_MS;
  }
  const stops = journey(world.corridors, trip.route, trip.direction, trip.inlandOffice, departAt, rng);
  world.movements.write({ ...base, movement: movementId(world, departAt), stops });
  const cinkasse = stops.find((s) => s.event === "ARRIVED" && s.office === "TGCIN");
  if (cinkasse) {
    world.invoices.issue({ issuer: "PAL", issuedAt: issuedAfter(cinkasse.at, rng, 2), fee: "PCJ_LEVY", amount: PCJ_LEVY_XOF, currency: "XOF", country: trip.cargoCountry, callId: "", container: trip.containers[0] ?? "", declaration: trip.declaration });
  }
  return stops;
}

/** The instant a journey ended. */
export function completedAt(stops: readonly Stop[]): number {
  return (stops[stops.length - 1] as Stop).at;
}

/** An emptied box brought back to its terminal by truck, then waiting for a ship (domain.md §3 [E]). */
export function returnEmpty(world: World, terminal: string, box: { readonly containerNo: string; readonly sizeType: string }, from: number, truck: Truck, rng: Random): void {
  const at = toMinute(from + hours(rng, EMPTY_RETURN_H, 6));
  if (at > world.cutoff) return;
  const empty: Omit<BoxEvent, "at"> = { containerNo: box.containerNo, sizeType: box.sizeType, status: 2, full: false, billOfLading: "", grossKg: tareKg(box.sizeType), seal: "", haulier: truck.haulier, truckPlate: truck.plate, deliveryOffice: "" };
  world.containerEvents.writeCodeco(terminal, "GATE_IN", [{ ...empty, at }]);
  world.yard.addBox(terminal, { readyAt: at + READY_FOR_LOADING_H * HOUR_MS, box: { ...empty, haulier: "", truckPlate: "" } });
}
