/**
 * A truck's journey along a route (formats.md §4): DEPARTED at the office of
 * departure, ARRIVED and RELEASED at each border office in the direction of
 * travel, COMPLETED at the destination. Offices of another kind on the way
 * (Sikasso on the way to Bamako) see no event.
 */
import { HOUR_MS, MINUTE_MS, toMinute, wall } from "./calendar.js";
import { officeOf, type Corridors, type RouteInfo } from "./corridors.js";
import { CROSSING_H, CROSSING_SPLIT, drawMs, ROAD_LEG_H, SECURITY_INCIDENT } from "./durations.js";
import type { LogNormal, Random } from "./random.js";
import { RAINY_SEASON_MONTHS, RAINY_SEASON_ROAD_FACTOR } from "./seasonality.js";

export type TransitEventName = "DEPARTED" | "ARRIVED" | "RELEASED" | "COMPLETED";

export interface Stop {
  readonly event: TransitEventName;
  readonly office: string;
  readonly at: number;
}

export type Direction = "import" | "export";

/** A leg's distribution, whichever way it is driven. */
function legOf(table: Readonly<Record<string, LogNormal>>, from: string, to: string): LogNormal {
  const found = table[`${from}>${to}`] ?? table[`${to}>${from}`];
  if (!found) throw new Error(`no time distribution for the leg ${from}>${to}`);
  return found;
}

/** The offices a truck passes, in its direction, from its office of departure to its destination. */
function travelOffices(route: RouteInfo, direction: Direction, inlandOffice: string): string[] {
  const offices = direction === "import" ? [...route.offices] : [...route.offices].reverse();
  const inland = offices.indexOf(inlandOffice);
  if (inland < 0) throw new Error(`${inlandOffice} is not on route ${route.code}`);
  return direction === "import" ? offices.slice(0, inland + 1) : offices.slice(inland);
}

/**
 * The events of one journey starting at `departAt`. Road legs are longer in
 * the rainy season (by the month the leg starts in); crossings split into the
 * wait at the exit office, the short drive, and the wait at the entry office.
 */
export function journey(corridors: Corridors, route: RouteInfo, direction: Direction, inlandOffice: string, departAt: number, rng: Random): Stop[] {
  const offices = travelOffices(route, direction, inlandOffice);
  const first = offices[0] as string;
  const last = offices[offices.length - 1] as string;
  const borders = offices.slice(1, -1).filter((o) => officeOf(corridors, o).kind === "border");
  if (borders.length % 2 !== 0) throw new Error(`route ${route.code}: border offices come in pairs (exit, entry), found ${borders.join(", ")}`);
  const stops: Stop[] = [{ event: "DEPARTED", office: first, at: toMinute(departAt) }];
  let t = departAt;
  let from = first;

  const road = (to: string) => {
    const leg = legOf(ROAD_LEG_H, from, to);
    let duration = drawMs(rng, leg, HOUR_MS, 6);
    if (RAINY_SEASON_MONTHS.has(wall(t).month)) duration *= RAINY_SEASON_ROAD_FACTOR;
    const key = `${from}>${to}`;
    const reverse = `${to}>${from}`;
    if ((SECURITY_INCIDENT.legs as readonly string[]).some((l) => l === key || l === reverse) && rng.chance(SECURITY_INCIDENT.share)) {
      duration += rng.between(SECURITY_INCIDENT.minH, SECURITY_INCIDENT.maxH) * HOUR_MS;
    }
    t += Math.max(duration, 30 * MINUTE_MS);
  };

  for (let i = 0; i + 1 < borders.length; i += 2) {
    const exit = borders[i] as string;
    const entry = borders[i + 1] as string;
    road(exit);
    const crossing = Math.max(drawMs(rng, legOf(CROSSING_H, exit, entry), HOUR_MS, 8), 40 * MINUTE_MS);
    const exitRelease = t + crossing * CROSSING_SPLIT.exit;
    const entryArrival = exitRelease + Math.max(crossing * CROSSING_SPLIT.transfer, 10 * MINUTE_MS);
    const entryRelease = Math.max(t + crossing, entryArrival + 10 * MINUTE_MS);
    stops.push({ event: "ARRIVED", office: exit, at: toMinute(t) });
    stops.push({ event: "RELEASED", office: exit, at: toMinute(exitRelease) });
    stops.push({ event: "ARRIVED", office: entry, at: toMinute(entryArrival) });
    stops.push({ event: "RELEASED", office: entry, at: toMinute(entryRelease) });
    t = entryRelease;
    from = entry;
  }
  road(last);
  stops.push({ event: "COMPLETED", office: last, at: toMinute(t) });
  return stops;
}

/**
 * The median DEPARTED → COMPLETED time, hours, the journeys of a route give
 * when they start in the given months (a deterministic Monte Carlo): the
 * figure the warehouse's fact_transits should reproduce.
 */
export function medianTransitHours(corridors: Corridors, route: RouteInfo, direction: Direction, inlandOffice: string, starts: readonly number[], rng: Random): number {
  const values: number[] = [];
  for (const start of starts) {
    const stops = journey(corridors, route, direction, inlandOffice, start, rng);
    values.push(((stops[stops.length - 1] as Stop).at - (stops[0] as Stop).at) / HOUR_MS);
  }
  values.sort((a, b) => a - b);
  const mid = (values.length - 1) / 2;
  return ((values[Math.floor(mid)] as number) + (values[Math.ceil(mid)] as number)) / 2;
}
