/**
 * Offices and routes, read from the warehouse's reference lists (the same
 * lists the ETL checks against), and which route a consignment takes.
 */
import { readReferenceLists } from "@corridor/warehouse";
import { monthOf, monthOrdinal } from "./calendar.js";
import type { Random } from "./random.js";
import { NIGER_DIVERSION_FROM, type AesCountry } from "./volumes.js";

export interface OfficeInfo {
  readonly code: string;
  readonly country: string;
  readonly kind: string;
  readonly timezone: string;
}

export interface RouteInfo {
  readonly code: string;
  readonly destinationCountry: string;
  /** In the import direction, TGLFW first. */
  readonly offices: readonly string[];
}

export interface Corridors {
  readonly offices: ReadonlyMap<string, OfficeInfo>;
  readonly routes: ReadonlyMap<string, RouteInfo>;
}

/** The port's customs office, where transit starts and exports end. */
export const PORT_OFFICE = "TGLFW";

/** Routes and offices the generator relies on; the reference lists must hold them. */
const REQUIRED_ROUTES = ["TG-BF-OUA", "TG-BF-BOB", "TG-NE-KAN", "TG-NE-TER", "TG-ML-KOU", "TG-ML-HER"];

export function loadCorridors(): Corridors {
  const lists = readReferenceLists();
  const rowsOf = (table: string) => lists.find((l) => l.list.table === table)?.rows ?? [];
  const offices = new Map<string, OfficeInfo>();
  for (const row of rowsOf("ref_offices")) {
    const code = String(row.code);
    offices.set(code, { code, country: String(row.country), kind: String(row.kind), timezone: String(row.timezone) });
  }
  const routes = new Map<string, RouteInfo>();
  for (const row of rowsOf("ref_routes")) {
    const code = String(row.route);
    routes.set(code, { code, destinationCountry: String(row.destination_country), offices: row.offices as readonly string[] });
  }
  const missing = REQUIRED_ROUTES.filter((r) => !routes.has(r));
  if (missing.length > 0 || !offices.has(PORT_OFFICE)) {
    throw new Error(`the reference lists lack what the demo generator needs: ${[...missing, ...(offices.has(PORT_OFFICE) ? [] : [PORT_OFFICE])].join(", ")}`);
  }
  return { offices, routes };
}

export function officeOf(corridors: Corridors, code: string): OfficeInfo {
  const office = corridors.offices.get(code);
  if (!office) throw new Error(`office ${code} is not in the reference list`);
  return office;
}

export function routeOf(corridors: Corridors, code: string): RouteInfo {
  const route = corridors.routes.get(code);
  if (!route) throw new Error(`route ${code} is not in the reference list`);
  return route;
}

/** Countries a route crosses (TG, BF, …): the transit guarantee is due in each, domain.md §4. */
export function countriesCrossed(corridors: Corridors, route: RouteInfo): number {
  return new Set(route.offices.map((o) => officeOf(corridors, o).country)).size;
}

export interface RouteChoice {
  readonly route: string;
  /** Import: the destination office; export: the office of departure. */
  readonly inlandOffice: string;
}

/** BF cargo for Bobo-Dioulasso rather than Ouagadougou [E]. */
const BF_BOBO_SHARE = 0.15;
/** Mali's cargo by Faramana–Koury rather than Koloko–Hérémakono [E]; on the latter, the share cleared at Sikasso [E]. */
const ML_KOURY_SHARE = 0.4;
const ML_SIKASSO_SHARE = 0.25;

/**
 * The route of a consignment: most BF cargo goes to Ouagadougou, some to
 * Bobo-Dioulasso; Niger's cargo uses Kantchari–Makalondi until the diversion
 * and the escorted Téra route after it (domain.md §1.3, §2); Mali's splits
 * between Hérémakono (to Sikasso or Bamako) and Koury.
 */
export function chooseRoute(country: AesCountry, at: number, rng: Random): RouteChoice {
  switch (country) {
    case "BF":
      return rng.chance(BF_BOBO_SHARE) ? { route: "TG-BF-BOB", inlandOffice: "BFBOB" } : { route: "TG-BF-OUA", inlandOffice: "BFOUA" };
    case "NE":
      return monthOrdinal(monthOf(at)) >= monthOrdinal(NIGER_DIVERSION_FROM) ? { route: "TG-NE-TER", inlandOffice: "NENIM" } : { route: "TG-NE-KAN", inlandOffice: "NENIM" };
    case "ML":
      if (rng.chance(ML_KOURY_SHARE)) return { route: "TG-ML-KOU", inlandOffice: "MLBKO" };
      return { route: "TG-ML-HER", inlandOffice: rng.chance(ML_SIKASSO_SHARE) ? "MLSIK" : "MLBKO" };
  }
}

/** Escorted convoys run on the Téra route since August 2023, domain.md §1.3. */
export function escorted(route: string): boolean {
  return route === "TG-NE-TER";
}
