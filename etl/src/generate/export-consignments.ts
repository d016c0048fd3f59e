/**
 * An export consignment of Burkina Faso, Mali or Niger: the EX1 at the
 * exporting office (statistical fee paid, receipt before release), trucks
 * running the route backwards to Lomé, gate-in at a container terminal (or
 * the ore stockpile of the mineral quay), then the next ship loads it.
 */
import { DAY_MS, daysInMonth, HOUR_MS, MINUTE_MS, monthStart, toMinute, wall, type Month } from "./calendar.js";
import { chooseTruck, completedAt, declarationItems, itemSpecs, officeHours, sendTruck, truckGroups } from "./cargo.js";
import { EXPORT_DESTINATIONS } from "./commodities.js";
import { chooseRoute, countriesCrossed, escorted, PORT_OFFICE, routeOf } from "./corridors.js";
import { tonnesOf, type ConsignmentSpec } from "./demand.js";
import { EXPORT_DEPARTURE_H, EXPORT_GATE_IN_H, hours, READY_FOR_LOADING_H, RELEASE_EX1_H, TRUCK_SPACING_H } from "./durations.js";
import { sealNumber, yy } from "./identifiers.js";
import { buyer } from "./names.js";
import { PORT_DUES_XOF_PER_TONNE, thcOf } from "./port-charges.js";
import type { Random } from "./random.js";
import { GUARANTEE_RATE_PER_COUNTRY } from "./tariffs.js";
import type { AesCountry } from "./volumes.js";
import type { World } from "./world.js";
import { issuedAfter } from "./write-port-invoices.js";

/** Days an export transit has to reach Lomé [E]. */
const EXPORT_TIME_LIMIT_DAYS = 20;
/** LCT takes about 75 % of the port's containers, domain.md §1.2 [S]. */
const LCT_SHARE = 0.75;

export function processExport(world: World, spec: ConsignmentSpec, month: Month, rng: Random): void {
  const country = spec.country as AesCountry;
  const anchor = monthStart(month) + rng.next() * daysInMonth(month) * DAY_MS;
  const choice = chooseRoute(country, anchor, rng);
  const route = routeOf(world.corridors, choice.route);
  const office = choice.inlandOffice;
  const registeredAt = officeHours(world, office, anchor, rng);
  const receiptAt = toMinute(registeredAt + rng.between(1, 3) * HOUR_MS);
  const releasedAt = toMinute(registeredAt + Math.max(hours(rng, RELEASE_EX1_H, 8), receiptAt - registeredAt + 15 * MINUTE_MS));
  const tonnes = tonnesOf(spec);
  const items = itemSpecs(spec, Math.round(tonnes * 1000), rng);
  const cif = items.reduce((a, i) => a + i.cif, 0);
  const year = wall(registeredAt).year;
  const boxes = spec.boxes.map((b) => ({ containerNo: world.numbers.next(), sizeType: b.sizeType, kg: b.kg, seal: sealNumber(rng) }));
  const destinationCountry = rng.pick(EXPORT_DESTINATIONS[spec.commodity.key] ?? ["CN"]);
  const declaration = {
    office,
    regime: "EX1" as const,
    serial: "E",
    number: world.customs.number(office, registeredAt, "E"),
    registeredAt,
    receipt: { number: `Q ${world.sequences.next(`receipt:${office}:${year}`, 1_000, 9_000)}`, at: receiptAt },
    releasedAt,
    cancelledAt: null,
    destinationCountry,
    transit: {
      destinationOffice: PORT_OFFICE,
      route: route.code,
      timeLimit: registeredAt + EXPORT_TIME_LIMIT_DAYS * DAY_MS,
      guaranteeReference: `GAR-${country}-${yy(year)}-${String(world.sequences.next(`guarantee:${country}:${year}`, 100, 900)).padStart(4, "0")}`,
      guaranteeAmount: Math.round((cif * GUARANTEE_RATE_PER_COUNTRY * countriesCrossed(world.corridors, route)) / 100),
    },
    previousDocument: "",
    consignee: buyer(destinationCountry, rng),
    containers: boxes.map((b) => ({ id: b.containerNo, sizeType: b.sizeType, grossKg: b.kg })),
    items: declarationItems(items, { kind: "export" }, registeredAt),
  };
  world.customs.write(declaration);
  const key = world.customs.key(declaration);

  const terminal = rng.chance(LCT_SHARE) ? "LCT" : "TTL";
  const billOfLading = `${terminal}EXP${yy(year)}${world.sequences.next(`booking:${terminal}:${year}`, 1_000, 9_000)}`;
  const loads: { containers: typeof boxes; kg: number }[] =
    boxes.length > 0 ? truckGroups(boxes, rng).map((group) => ({ containers: group, kg: group.reduce((a, b) => a + b.kg, 0) })) : spec.truckLoadsKg.map((kg) => ({ containers: [], kg }));
  let departAt = releasedAt + hours(rng, EXPORT_DEPARTURE_H, 6);
  let lastArrival = releasedAt;
  for (const load of loads) {
    const truck = chooseTruck(country, rng);
    const stops = sendTruck(
      world,
      { route, direction: "export", inlandOffice: office, departAt: toMinute(departAt), declaration: key, containers: load.containers.map((b) => b.containerNo), grossKg: load.kg, cargoCountry: country, escort: escorted(route.code), truck },
      rng,
    );
    const arrived = completedAt(stops);
    lastArrival = Math.max(lastArrival, arrived);
    if (load.containers.length > 0) {
      const gateIn = toMinute(arrived + hours(rng, EXPORT_GATE_IN_H, 6));
      if (gateIn <= world.cutoff) {
        const events = load.containers.map((b, i) => ({ containerNo: b.containerNo, sizeType: b.sizeType, status: 2 as const, full: true, billOfLading, at: gateIn + i * 2 * MINUTE_MS, grossKg: b.kg, seal: b.seal, haulier: truck.haulier, truckPlate: truck.plate, deliveryOffice: "" }));
        world.containerEvents.writeCodeco(terminal, "GATE_IN", events);
        for (const e of events) {
          world.invoices.issue({ issuer: terminal, issuedAt: issuedAfter(e.at, rng, 3), fee: "THC", amount: thcOf(e.sizeType), currency: "XOF", country, callId: "", container: e.containerNo, declaration: key });
          world.yard.addBox(terminal, { readyAt: e.at + READY_FOR_LOADING_H * HOUR_MS, box: { ...e, haulier: "", truckPlate: "" } });
        }
      }
    } else if (arrived <= world.cutoff) {
      world.yard.addOre({ readyAt: arrived + READY_FOR_LOADING_H * HOUR_MS, tonnes: load.kg / 1000 });
    }
    departAt += hours(rng, TRUCK_SPACING_H, 8);
  }
  world.invoices.issue({ issuer: "PAL", issuedAt: issuedAfter(lastArrival, rng), fee: "PORT_DUES", amount: Math.round(tonnes * PORT_DUES_XOF_PER_TONNE), currency: "XOF", country, callId: "", container: "", declaration: key });
}
