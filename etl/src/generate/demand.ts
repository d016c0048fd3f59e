/**
 * How much cargo each flow brings in a month, cut into consignments. A flow
 * is a country's transit imports, its exports, or Togo's home use; its
 * monthly tonnage is the annual rate (volumes.ts) spread over its commodity
 * mix, each commodity with its seasonality, × scale. Consignments are drawn
 * until the tonnage is reached, and what is left over carries to the next
 * month, so small flows at small scales still add up instead of vanishing.
 */
import { daysInMonth, monthLabel, type Month } from "./calendar.js";
import { AES_IMPORT_MIX, commodityOf, EXPORT_MIX, TOGO_IMPORT_MIX, type BulkMode, type Commodity, type Mix } from "./commodities.js";
import { sigmaOf, type LogNormal, type Random } from "./random.js";
import { seasonalFactor } from "./seasonality.js";
import { AES_COUNTRIES, aesTransitTonnesPerYear, callScale, EXPORT_SHARE_OF_TRANSIT, togoHomeUseTonnesPerYear, TRUCK_LOAD_T, type AesCountry } from "./volumes.js";

export type Flow = "transit" | "home" | "export";
export type Mode = "container" | BulkMode;

export interface Box {
  readonly sizeType: string;
  readonly kg: number;
}

/** One consignment before it meets a ship: what, for whom, how much, in what. */
export interface ConsignmentSpec {
  readonly flow: Flow;
  readonly country: AesCountry | "TG";
  readonly commodity: Commodity;
  readonly mode: Mode;
  /** Container mode: the boxes and their cargo. */
  readonly boxes: readonly Box[];
  /** Bulk and vehicles inland: one load per truck, kg. */
  readonly truckLoadsKg: readonly number[];
  /** Home-use bulk, which leaves the port without the transit system: kg. */
  readonly bulkKg: number;
  /** Vehicles: how many. */
  readonly units: number;
}

/** Boxes per container consignment, 1–8 [E]. */
const BOXES_PER_CONSIGNMENT: readonly (readonly [number, number])[] = [[1, 30], [2, 25], [3, 15], [4, 10], [5, 8], [6, 5], [7, 4], [8, 3]];
/** Trucks per bulk transit declaration, 1–8 [E]. */
const TRUCKS_PER_CONSIGNMENT: readonly (readonly [number, number])[] = [[1, 25], [2, 20], [3, 15], [4, 12], [5, 10], [6, 8], [7, 6], [8, 4]];
/**
 * Home-use bulk per declaration at scale 1, tonnes [E]: importers clear
 * shiploads in a few large declarations. Lots shrink with √scale, as ship
 * calls do (volumes.callScale), so that a small scale keeps enough of them.
 */
const HOME_BULK_T: Readonly<Record<"liquid_bulk" | "dry_bulk" | "break_bulk", LogNormal>> = {
  liquid_bulk: { median: 1_500, p90: 8_000 },
  dry_bulk: { median: 2_000, p90: 10_000 },
  break_bulk: { median: 300, p90: 1_500 },
};
/** Vehicles per declaration, and per car-carrier truck [E]. */
const VEHICLES_PER_CONSIGNMENT: readonly [number, number] = [1, 12];
const VEHICLES_PER_TRUCK = 6;

function truckLoadKg(rng: Random): number {
  const overload = rng.chance(TRUCK_LOAD_T.overloadShare);
  const t = overload ? rng.between(TRUCK_LOAD_T.max, TRUCK_LOAD_T.overloadMax) : rng.between(TRUCK_LOAD_T.min, TRUCK_LOAD_T.max);
  return Math.round(t * 100) * 10;
}

function boxOf(commodity: Commodity, rng: Random): Box {
  const sizeType = rng.weighted(commodity.sizeTypes);
  const [low, high] = sizeType.startsWith("2") ? commodity.payload20 : commodity.payload40;
  return { sizeType, kg: Math.round(rng.between(low, high) * 100) * 10 };
}

/** Cargo weight of a consignment, tonnes. */
export function tonnesOf(spec: ConsignmentSpec): number {
  let kg = spec.bulkKg;
  for (const b of spec.boxes) kg += b.kg;
  for (const l of spec.truckLoadsKg) kg += l;
  return kg / 1000;
}

/** One consignment of a flow and mode. */
function drawConsignment(flow: Flow, country: AesCountry | "TG", commodity: Commodity, mode: Mode, lotScale: number, rng: Random): ConsignmentSpec {
  const base = { flow, country, commodity, mode, boxes: [] as Box[], truckLoadsKg: [] as number[], bulkKg: 0, units: 0 };
  if (mode === "container") {
    const n = rng.weighted(BOXES_PER_CONSIGNMENT);
    return { ...base, boxes: Array.from({ length: n }, () => boxOf(commodity, rng)) };
  }
  if (mode === "roro") {
    const units = rng.intBetween(VEHICLES_PER_CONSIGNMENT[0], VEHICLES_PER_CONSIGNMENT[1]);
    const [low, high] = commodity.unitTonnes ?? [1.2, 2];
    const kg = Array.from({ length: units }, () => Math.round(rng.between(low, high) * 100) * 10);
    if (flow === "home") return { ...base, units, bulkKg: kg.reduce((a, b) => a + b, 0) };
    const loads: number[] = [];
    for (let i = 0; i < units; i += VEHICLES_PER_TRUCK) loads.push(kg.slice(i, i + VEHICLES_PER_TRUCK).reduce((a, b) => a + b, 0));
    return { ...base, units, truckLoadsKg: loads };
  }
  if (flow === "home") {
    const lot = HOME_BULK_T[mode];
    return { ...base, bulkKg: Math.round(Math.max(30, Math.min(rng.lognormal(lot), lot.median * 10) * lotScale)) * 1000 };
  }
  const n = rng.weighted(TRUCKS_PER_CONSIGNMENT);
  return { ...base, truckLoadsKg: Array.from({ length: n }, () => truckLoadKg(rng)) };
}

/** The modes of a commodity with their shares of its tonnage. */
function modesOf(commodity: Commodity): [Mode, number][] {
  const modes: [Mode, number][] = [];
  if (commodity.containerShare > 0) modes.push(["container", commodity.containerShare]);
  if (commodity.containerShare < 1 && commodity.bulkMode !== null) modes.push([commodity.bulkMode, 1 - commodity.containerShare]);
  return modes;
}

const meanOf = (entries: readonly (readonly [number, number])[]) => entries.reduce((a, [v, w]) => a + v * w, 0) / entries.reduce((a, [, w]) => a + w, 0);
const middle = ([low, high]: readonly [number, number]) => (low + high) / 2;

/** The mean tonnage of one consignment of a commodity and mode, as drawConsignment draws them. */
function meanTonnes(flow: Flow, commodity: Commodity, mode: Mode, lotScale: number): number {
  if (mode === "container") {
    const perBox = meanOf(commodity.sizeTypes.map(([size, weight]) => [middle(size.startsWith("2") ? commodity.payload20 : commodity.payload40), weight] as const));
    return meanOf(BOXES_PER_CONSIGNMENT) * perBox;
  }
  if (mode === "roro") return middle(VEHICLES_PER_CONSIGNMENT) * middle(commodity.unitTonnes ?? [1.2, 2]);
  if (flow === "home") {
    const lot = HOME_BULK_T[mode];
    const sigma = sigmaOf(lot);
    return Math.max(30, lot.median * Math.exp((sigma * sigma) / 2) * lotScale);
  }
  const perTruck = (1 - TRUCK_LOAD_T.overloadShare) * middle([TRUCK_LOAD_T.min, TRUCK_LOAD_T.max]) + TRUCK_LOAD_T.overloadShare * middle([TRUCK_LOAD_T.max, TRUCK_LOAD_T.overloadMax]);
  return meanOf(TRUCKS_PER_CONSIGNMENT) * perTruck;
}

export class Demand {
  /** Tonnes owed to each flow from earlier months. */
  readonly #carry = new Map<string, number>();

  constructor(
    private readonly scale: number,
    private readonly rng: Random,
  ) {}

  /** The month's import consignments: AES transit, then Togo home use, flows in a fixed order. */
  imports(month: Month): ConsignmentSpec[] {
    const out: ConsignmentSpec[] = [];
    for (const country of AES_COUNTRIES) this.#flow(out, month, "transit", country, AES_IMPORT_MIX, aesTransitTonnesPerYear(country, month) * (1 - EXPORT_SHARE_OF_TRANSIT));
    this.#flow(out, month, "home", "TG", TOGO_IMPORT_MIX, togoHomeUseTonnesPerYear(month));
    return out;
  }

  /** The month's export consignments of the AES countries. */
  exports(month: Month): ConsignmentSpec[] {
    const out: ConsignmentSpec[] = [];
    for (const country of AES_COUNTRIES) this.#flow(out, month, "export", country, EXPORT_MIX[country], aesTransitTonnesPerYear(country, month) * EXPORT_SHARE_OF_TRANSIT);
    return out;
  }

  /**
   * One flow (a country's transit imports, Togo's home use, a country's
   * exports): its tonnage for the month is the sum over its commodities of
   * share × seasonality; each consignment's commodity is drawn with those
   * weights, its mode with the commodity's container share. One carry per
   * flow keeps each country's tonnage exact to half a consignment, month by
   * month, whatever the scale.
   */
  #flow(out: ConsignmentSpec[], month: Month, flow: Flow, country: AesCountry | "TG", mix: Mix, tonnesPerYear: number): void {
    let mixTotal = 0;
    for (const [, share] of mix) mixTotal += share;
    const rng = this.rng.fork(`${flow}/${country}/${monthLabel(month)}`);
    const lotScale = callScale(this.scale);
    const stream = `${flow}|${country}`;
    let target = this.#carry.get(stream) ?? 0;
    // Draw weights per consignment: a tonnage share divided by the mean size of a consignment, so big bulk lots do not crowd out the rest.
    const kinds: [readonly [Commodity, Mode], number][] = [];
    for (const [key, share] of mix) {
      const commodity = commodityOf(key);
      const tonnes = (tonnesPerYear * (share / mixTotal) * seasonalFactor(commodity.season, month, rng) * daysInMonth(month) * this.scale) / 365;
      target += tonnes;
      for (const [mode, modeShare] of modesOf(commodity)) kinds.push([[commodity, mode], (tonnes * modeShare) / meanTonnes(flow, commodity, mode, lotScale)]);
    }
    let done = 0;
    for (;;) {
      const [commodity, mode] = rng.weighted(kinds);
      const spec = drawConsignment(flow, country, commodity, mode, lotScale, rng);
      const tonnes = tonnesOf(spec);
      if (done + tonnes / 2 > target) break;
      out.push(spec);
      done += tonnes;
    }
    this.#carry.set(stream, target - done);
  }
}
