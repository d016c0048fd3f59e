/**
 * An import consignment from the ship that brings it to its destination:
 * discharge, the declaration at Lomé (IM8 transit, or IM4 for Togo's home
 * use), release, gate-out after the dwell, trucks along the route, the
 * invoices all along, the empties coming back, and for some IM8 the IM4 that
 * clears the goods at the destination office (Previous_document = the IM8).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, toMinute, wall } from "./calendar.js";
import { chooseTruck, completedAt, declarationItems, itemSpecs, officeHours, returnEmpty, sendTruck, teuOf, truckGroups, type ItemSpec, type Truck } from "./cargo.js";
import { chooseRoute, countriesCrossed, escorted, PORT_OFFICE, routeOf, type RouteChoice, type RouteInfo } from "./corridors.js";
import { tonnesOf, type ConsignmentSpec } from "./demand.js";
import { wantedDwell } from "./dwell.js";
import {
  BULK_PICKUP_H, days, DECLARATION_LAG_H, GATE_TO_DEPARTURE_H, hours, IM4_AFTER_ARRIVAL_H, MAX_DWELL_D, MAX_RELEASE_H, portDwellDays, POST_RELEASE_GATE_H,
  RECEIPT_H, RELEASE_IM4_DESTINATION_H, RELEASE_IM4_LOME_H, RELEASE_IM8_H, TRUCK_SPACING_H,
} from "./durations.js";
import { sealNumber, yy } from "./identifiers.js";
import { consignee } from "./names.js";
import { PORT_DUES_XOF_PER_TONNE, SCANNED_SHARE, SCANNING_XOF, storageOf, thcOf } from "./port-charges.js";
import type { Random } from "./random.js";
import type { Call } from "./ships.js";
import { guaranteeOf, transitPaysRs } from "./tariffs.js";
import { CANCELLED_SHARE, EMPTY_RETURN_SHARE, IM8_ENDED_BY_IM4_SHARE, type AesCountry } from "./volumes.js";
import type { World } from "./world.js";
import type { BoxEvent } from "./write-container-events.js";
import type { Declaration, DeclarationContainer } from "./write-customs-declarations.js";
import { issuedAfter } from "./write-port-invoices.js";

/** Days a transit declaration has to reach its destination [E]. */
const TRANSIT_TIME_LIMIT_DAYS: Readonly<Record<string, number>> = { BF: 15, NE: 21, ML: 21 };

interface LandedBox {
  readonly containerNo: string;
  readonly sizeType: string;
  readonly kg: number;
  readonly seal: string;
  readonly dischargedAt: number;
}

interface Registered {
  readonly declaration: Declaration;
  readonly key: string;
}

function receiptNumber(world: World, office: string, at: number, letter: string): string {
  return `${letter} ${world.sequences.next(`receipt:${office}:${wall(at).year}`, 1_000, 9_000)}`;
}

/** Registration (after a possible cancelled first attempt), receipt and release of the declaration at Lomé. */
function registerAtLome(world: World, spec: ConsignmentSpec, items: readonly ItemSpec[], landedAt: number, choice: RouteChoice | null, route: RouteInfo | null, boxes: readonly LandedBox[], rng: Random): Registered {
  const transit = choice !== null && route !== null;
  const serial = transit ? "L" : "C";
  let registeredAt = officeHours(world, PORT_OFFICE, landedAt + hours(rng, DECLARATION_LAG_H, 6), rng);
  const containers: DeclarationContainer[] = boxes.map((b) => ({ id: b.containerNo, sizeType: b.sizeType, grossKg: b.kg }));
  const crossed = route ? countriesCrossed(world.corridors, route) : 0;
  const buyer = consignee(spec.country, rng);
  const makeItems = (at: number) => declarationItems(items, transit ? { kind: "transit", countriesCrossed: crossed } : { kind: "home" }, at);

  const draft = (at: number): Omit<Declaration, "receipt" | "releasedAt" | "cancelledAt"> => {
    const declarationItemsAt = makeItems(at);
    const year = wall(at).year;
    return {
      office: PORT_OFFICE,
      regime: transit ? "IM8" : "IM4",
      serial,
      number: world.customs.number(PORT_OFFICE, at, serial),
      registeredAt: at,
      destinationCountry: transit ? spec.country : "",
      transit:
        choice && route
          ? {
              destinationOffice: choice.inlandOffice,
              route: route.code,
              timeLimit: at + (TRANSIT_TIME_LIMIT_DAYS[spec.country] ?? 21) * DAY_MS,
              guaranteeReference: `GAR-TG-${yy(year)}-${String(world.sequences.next(`guarantee:TG:${year}`, 100, 900)).padStart(4, "0")}`,
              guaranteeAmount: guaranteeOf(declarationItemsAt.flatMap((i) => i.taxes)),
            }
          : null,
      previousDocument: "",
      consignee: buyer,
      containers,
      items: declarationItemsAt,
    };
  };

  if (rng.chance(CANCELLED_SHARE)) {
    // Registered with an error, cancelled within hours, registered again: the replacement is the one that counts.
    const cancelledAt = toMinute(registeredAt + rng.between(2, 8) * HOUR_MS);
    world.customs.write({ ...draft(registeredAt), receipt: null, releasedAt: null, cancelledAt });
    registeredAt = toMinute(cancelledAt + rng.between(30, 90) * MINUTE_MS);
  }
  const paid = !transit || transitPaysRs(registeredAt);
  const receiptAt = paid ? toMinute(registeredAt + hours(rng, RECEIPT_H, 6)) : null;
  const release = Math.min(hours(rng, transit ? RELEASE_IM8_H : RELEASE_IM4_LOME_H), MAX_RELEASE_H * HOUR_MS);
  const releasedAt = toMinute(registeredAt + Math.max(release, receiptAt !== null ? receiptAt - registeredAt + 15 * MINUTE_MS : 0));
  const declaration: Declaration = { ...draft(registeredAt), receipt: receiptAt !== null ? { number: receiptNumber(world, PORT_OFFICE, receiptAt, "R"), at: receiptAt } : null, releasedAt, cancelledAt: null };
  world.customs.write(declaration);
  return { declaration, key: world.customs.key(declaration) };
}

/** The IM4 that clears at the destination office the goods an IM8 brought: duties paid there, receipt before release. */
function clearAtDestination(world: World, im8: Registered, items: readonly ItemSpec[], office: string, arrivedAt: number, rng: Random): void {
  const registeredAt = officeHours(world, office, arrivedAt + hours(rng, IM4_AFTER_ARRIVAL_H, 6), rng);
  const receiptAt = toMinute(registeredAt + hours(rng, RECEIPT_H, 6));
  const releasedAt = toMinute(registeredAt + Math.max(hours(rng, RELEASE_IM4_DESTINATION_H), receiptAt - registeredAt + 15 * MINUTE_MS));
  world.customs.write({
    office,
    regime: "IM4",
    serial: "C",
    number: world.customs.number(office, registeredAt, "C"),
    registeredAt,
    receipt: { number: receiptNumber(world, office, receiptAt, "Q"), at: receiptAt },
    releasedAt,
    cancelledAt: null,
    destinationCountry: "",
    transit: null,
    previousDocument: im8.key,
    consignee: im8.declaration.consignee,
    containers: im8.declaration.containers,
    items: declarationItems(items, { kind: "home" }, registeredAt),
  });
}

export function processImport(world: World, spec: ConsignmentSpec, call: Call, discharges: BoxEvent[], rng: Random): void {
  const transit = spec.flow === "transit";
  const choice = transit ? chooseRoute(spec.country as AesCountry, call.arrivedAt, rng) : null;
  const route = choice ? routeOf(world.corridors, choice.route) : null;
  const year = wall(call.arrivedAt).year;
  const billOfLading = `${call.carrier}LFW${yy(year)}${world.sequences.next(`bl:${call.carrier}:${year}`, 10_000, 60_000)}`;
  const deliveryOffice = choice?.inlandOffice ?? "";

  const boxes: LandedBox[] = spec.boxes.map((b) => ({ containerNo: world.numbers.next(), sizeType: b.sizeType, kg: b.kg, seal: sealNumber(rng), dischargedAt: toMinute(rng.between(call.dischargeFrom, call.dischargeTo)) }));
  for (const b of boxes) {
    discharges.push({ containerNo: b.containerNo, sizeType: b.sizeType, status: 3, full: true, billOfLading, at: b.dischargedAt, grossKg: b.kg, seal: b.seal, haulier: "", truckPlate: "", deliveryOffice });
    call.teuDischarged += teuOf(b.sizeType);
  }
  const tonnes = tonnesOf(spec);
  call.tonnesDischarged += tonnes;
  const landedAt = boxes.length > 0 ? Math.max(...boxes.map((b) => b.dischargedAt)) : toMinute(call.dischargeTo);
  const items = itemSpecs(spec, Math.round(tonnes * 1000), rng);
  const registered = registerAtLome(world, spec, items, landedAt, choice, route, boxes, rng);
  const { key } = registered;
  const releasedAt = registered.declaration.releasedAt ?? landedAt;
  const country = spec.country;
  world.invoices.issue({ issuer: "PAL", issuedAt: issuedAfter(releasedAt, rng), fee: "PORT_DUES", amount: Math.round(tonnes * PORT_DUES_XOF_PER_TONNE), currency: "XOF", country, callId: call.id, container: "", declaration: key });

  const arrivals: number[] = [];
  /** A truck on the route to the destination office, and when its journey ends. */
  const drive = (transitRoute: RouteInfo, truck: Truck, departAt: number, containers: readonly string[], grossKg: number): number => {
    const stops = sendTruck(world, { route: transitRoute, direction: "import", inlandOffice: deliveryOffice, departAt, declaration: key, containers, grossKg, cargoCountry: country, escort: escorted(transitRoute.code), truck }, rng);
    const end = completedAt(stops);
    arrivals.push(end);
    return end;
  };

  if (spec.mode === "container") {
    const issuer = call.terminal === "TTL" ? "TTL" : "LCT";
    for (const group of truckGroupsOf(boxes, rng)) {
      const latest = Math.max(...group.map((b) => b.dischargedAt));
      const dwell = Math.min(days(rng, wantedDwell(portDwellDays(latest), transit ? RELEASE_IM8_H : RELEASE_IM4_LOME_H), 20), MAX_DWELL_D * DAY_MS);
      const gateOut = toMinute(Math.max(latest + dwell, releasedAt + hours(rng, POST_RELEASE_GATE_H, 6)));
      const truck = chooseTruck(country, rng);
      world.containerEvents.writeCodeco(
        call.terminal,
        "GATE_OUT",
        group.map((b, i) => ({ containerNo: b.containerNo, sizeType: b.sizeType, status: 3 as const, full: true, billOfLading, at: gateOut + i * 2 * MINUTE_MS, grossKg: b.kg, seal: b.seal, haulier: truck.haulier, truckPlate: truck.plate, deliveryOffice })),
      );
      for (const b of group) {
        world.invoices.issue({ issuer, issuedAt: issuedAfter(gateOut, rng, 3), fee: "THC", amount: thcOf(b.sizeType), currency: "XOF", country, callId: call.id, container: b.containerNo, declaration: key });
        const storage = storageOf(b.dischargedAt, gateOut, teuOf(b.sizeType), transit && country === "NE");
        if (storage > 0) world.invoices.issue({ issuer, issuedAt: issuedAfter(gateOut, rng, 3), fee: "STORAGE", amount: storage, currency: "XOF", country, callId: call.id, container: b.containerNo, declaration: key });
        if (rng.chance(SCANNED_SHARE)) {
          // Customs orders the scan once the declaration is registered; it is done before the box leaves.
          const registeredAt = registered.declaration.registeredAt;
          const scannedAt = Math.max(registeredAt, Math.min(registeredAt + rng.between(2, 24) * HOUR_MS, gateOut - HOUR_MS));
          world.invoices.issue({ issuer: "PAL", issuedAt: issuedAfter(scannedAt, rng, 2), fee: "SCANNING", amount: SCANNING_XOF, currency: "XOF", country, callId: call.id, container: b.containerNo, declaration: key });
        }
      }
      const emptyFrom = route ? drive(route, truck, toMinute(gateOut + hours(rng, GATE_TO_DEPARTURE_H, 6)), group.map((b) => b.containerNo), group.reduce((a, b) => a + b.kg, 0)) : gateOut;
      for (const b of group) if (rng.chance(EMPTY_RETURN_SHARE)) returnEmpty(world, call.terminal, b, emptyFrom, truck, rng);
    }
  } else if (route) {
    let departAt = Math.max(releasedAt, call.dischargeTo) + hours(rng, BULK_PICKUP_H, 6);
    for (const load of spec.truckLoadsKg) {
      drive(route, chooseTruck(country, rng), toMinute(departAt), [], load);
      departAt += hours(rng, TRUCK_SPACING_H, 8);
    }
  }

  if (transit && choice && arrivals.length > 0 && rng.chance(IM8_ENDED_BY_IM4_SHARE)) {
    clearAtDestination(world, registered, items, choice.inlandOffice, Math.max(...arrivals), rng);
  }
}

/** Boxes on trucks, in discharge order. */
function truckGroupsOf(boxes: readonly LandedBox[], rng: Random): LandedBox[][] {
  return truckGroups([...boxes].sort((a, b) => a.dischargedAt - b.dischargedAt), rng);
}
