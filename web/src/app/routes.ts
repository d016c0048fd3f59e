import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { SignedInUser } from "../features/auth/session";
import { OverviewPage } from "../features/overview/OverviewPage";

type Role = SignedInUser["role"];

export interface RouteDef {
  readonly id: string;
  /** The address; a country page adds its code: /pays/BF. */
  readonly path: string;
  readonly fr: string;
  readonly en: string;
  /** Null: every role. Navigation shows only what the role may open, and the page refuses the others. */
  readonly roles: readonly Role[] | null;
  readonly page: ComponentType | LazyExoticComponent<ComponentType>;
  /** A page of its own outside this app (the query explorer). */
  readonly external?: boolean;
}

// The overview is in the first bundle (it is the page people open); every other page loads on demand.
export const ROUTES: readonly RouteDef[] = [
  { id: "overview", path: "/", fr: "Vue d'ensemble", en: "Overview", roles: null, page: OverviewPage },
  { id: "country", path: "/pays", fr: "Pays", en: "Country", roles: null, page: lazy(() => import("../features/country/CountryPage")) },
  { id: "corridor", path: "/corridor", fr: "Corridor", en: "Corridor", roles: null, page: lazy(() => import("../features/corridor/CorridorPage")) },
  { id: "port", path: "/port", fr: "Port", en: "Port", roles: null, page: lazy(() => import("../features/port/PortPage")) },
  { id: "revenue", path: "/recettes", fr: "Recettes", en: "Revenue", roles: null, page: lazy(() => import("../features/revenue/RevenuePage")) },
  { id: "data", path: "/donnees", fr: "Données", en: "Data", roles: ["admin", "operator"], page: lazy(() => import("../features/data/DataPage")) },
  { id: "reports", path: "/rapports", fr: "Rapports", en: "Reports", roles: ["admin", "port_authority", "ministry"], page: lazy(() => import("../features/reports/ReportsPage")) },
  { id: "account", path: "/compte", fr: "Compte", en: "Account", roles: null, page: lazy(() => import("../features/account/AccountPage")) },
  { id: "explorer", path: "/explorer", fr: "Explorateur", en: "Explorer", roles: ["admin", "analyst"], page: OverviewPage, external: true },
];

export function allowed(route: RouteDef, user: SignedInUser): boolean {
  return route.roles === null || route.roles.includes(user.role);
}

/** The route an address opens: the longest path that is a prefix of it. */
export function routeOf(pathname: string): RouteDef | null {
  const matches = ROUTES.filter((r) => !r.external && (r.path === "/" ? pathname === "/" : pathname === r.path || pathname.startsWith(`${r.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}
