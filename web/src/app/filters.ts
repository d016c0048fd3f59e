/**
 * The view's filters, as the address carries them: `?from=2025-01-01&to=2025-04-01&countries=BF,NE&route=TG-BF-OUA&hs=XV&dir=import&compare=1`.
 * Pure functions: parsed, checked and written back the same way everywhere.
 */
export interface Filters {
  /** First local day, included (YYYY-MM-DD). */
  readonly from: string;
  /** Day after the last, excluded. */
  readonly to: string;
  readonly countries: readonly string[];
  readonly route: string | null;
  /** HS section, roman numeral (I to XXI). */
  readonly hs: string | null;
  readonly direction: "import" | "export" | null;
  readonly compare: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const COUNTRY = /^(BF|ML|NE|TG|ZZ)$/u;
const ROUTE = /^[A-Z]{2}-[A-Z]{2}-[A-Z]{3}$/u;
const SECTION = /^[IVX]{1,5}$/u;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last twelve complete months before `today`: the default view. */
export function lastTwelveMonths(today: Date): { from: string; to: string } {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
  return { from: iso(from), to: iso(to) };
}

const validDate = (text: string | null): text is string => text !== null && DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && iso(new Date(`${text}T00:00:00Z`)) === text;

/** Reads the filters from an address; anything malformed falls back to its default rather than breaking the page. */
export function parseFilters(params: URLSearchParams, today: Date): Filters {
  const fallback = lastTwelveMonths(today);
  const from = params.get("from");
  const to = params.get("to");
  const period = validDate(from) && validDate(to) && from < to ? { from, to } : fallback;
  const countries = (params.get("countries") ?? "")
    .split(",")
    .map((c) => c.trim().toUpperCase())
    .filter((c, i, all) => COUNTRY.test(c) && all.indexOf(c) === i);
  const route = params.get("route");
  const hs = params.get("hs");
  const direction = params.get("dir");
  return {
    ...period,
    countries,
    route: route && ROUTE.test(route) ? route : null,
    hs: hs && SECTION.test(hs) ? hs : null,
    direction: direction === "import" || direction === "export" ? direction : null,
    compare: params.get("compare") !== "0",
  };
}

/** Writes the filters into an address, keeping its other parameters (the language); defaults are left out so links stay short. */
export function writeFilters(filters: Filters, base: URLSearchParams, today: Date): URLSearchParams {
  const params = new URLSearchParams(base);
  const fallback = lastTwelveMonths(today);
  const set = (key: string, value: string | null) => (value === null || value === "" ? params.delete(key) : params.set(key, value));
  const defaultPeriod = filters.from === fallback.from && filters.to === fallback.to;
  set("from", defaultPeriod ? null : filters.from);
  set("to", defaultPeriod ? null : filters.to);
  set("countries", filters.countries.length ? filters.countries.join(",") : null);
  set("route", filters.route);
  set("hs", filters.hs);
  set("dir", filters.direction);
  set("compare", filters.compare ? null : "0");
  return params;
}

export type Grain = "DAY" | "WEEK" | "MONTH" | "QUARTER";

/** A time grain that gives a readable number of points for the period. */
export function grainFor(filters: Pick<Filters, "from" | "to">): Grain {
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
  if (days <= 31) return "DAY";
  if (days <= 92) return "WEEK";
  if (days <= 3 * 366) return "MONTH";
  return "QUARTER";
}

/** The last day shown, for "du 1er octobre au 31 octobre 2024": `to` is excluded. */
export function lastDay(to: string): string {
  return iso(new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000));
}
