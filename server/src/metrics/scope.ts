import type { Principal } from "../auth/principal.js";
import type { MetricRequest } from "./query/plan.js";
import { FACTS } from "./registry/facts.js";
import { MEASURES, type MeasureSource } from "./registry/measures.js";

/**
 * A question a country-scoped user may not ask. Scoping is enforced here, in
 * the query layer every entry point goes through (GraphQL, CSV export,
 * reports), never only in the dashboard.
 */
export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScopeError";
  }
}

/** The country whose detail the principal may see; null when it sees every country's. */
export const scopeOf = (principal: Principal | null): string | null => principal?.country ?? null;

/** True when some source of the measure is split by country: its figures belong to countries. */
const countrySpecific = (measure: keyof typeof MEASURES) => (MEASURES[measure].sources as readonly MeasureSource[]).some((s) => FACTS[s.fact].detail.dimensions.COUNTRY !== undefined);

/**
 * The rule (docs/security.md): a user scoped to country C sees totals of any
 * country (no split or filter but country and time) and any detail of C
 * (every split, once the query keeps only C). Port-wide figures that belong to
 * no country (ship calls, quay moves) are not country detail.
 */
export function checkMetricScope(scope: string | null, request: MetricRequest): void {
  if (scope === null) return;
  const detail = request.dimensions.some((d) => d !== "COUNTRY") || request.filters.some((f) => f.dimension !== "COUNTRY");
  if (!detail) return;
  if (!request.measures.some((m) => countrySpecific(m.measure))) return;
  const onlyOwn = request.filters.some((f) => f.dimension === "COUNTRY" && !f.exclude && f.values.length > 0 && f.values.every((v) => v === scope));
  if (onlyOwn) return;
  throw new ScopeError(
    `Votre compte voit le détail de ${scope} et les totaux des autres pays : ajoutez le filtre COUNTRY = ${scope}, ou ne ventilez que par pays et par période. / Your account sees ${scope}'s detail and other countries' totals: add the filter COUNTRY = ${scope}, or split only by country and time.`,
  );
}

/** For views split by country and something else (the tariff scenario by HS chapter): only the scope's own country. */
export function checkCountryListScope(scope: string | null, countries: readonly string[]): void {
  if (scope === null) return;
  if (countries.length > 0 && countries.every((c) => c === scope)) return;
  throw new ScopeError(
    `Votre compte voit le détail de ${scope} seulement : demandez countries: ["${scope}"]. / Your account sees ${scope}'s detail only: ask for countries: ["${scope}"].`,
  );
}
