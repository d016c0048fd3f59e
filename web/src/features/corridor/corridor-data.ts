/**
 * The corridor page's data shaping: the selection in the address, border
 * posts from the routes, figures per route and border, trends per statistic.
 * Pure functions (tested in web/test/corridor-data.test.ts).
 */

export interface OfficeLike {
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly kind: string;
  readonly lat: number;
  readonly lon: number;
}

export interface RouteLike {
  readonly code: string;
  readonly offices: readonly string[];
}

export interface RowLike {
  readonly bucket: string | null;
  readonly dimensions: readonly { readonly value: string; readonly labelFr: string | null; readonly labelEn: string | null }[];
  readonly cells: readonly { readonly value: number | null }[];
}

/** What the map has selected: a route, or a border post (named by its import-direction crossing, `TGCIN>BFCIN`). */
export type Selection = { readonly kind: "route"; readonly code: string } | { readonly kind: "border"; readonly code: string };

const ROUTE_CODE = /^[A-Z]{2}-[A-Z]{2}-[A-Z]{3}$/u;
const BORDER_CODE = /^[A-Z0-9]{3,8}>[A-Z0-9]{3,8}$/u;

/** `route:TG-BF-OUA` or `border:TGCIN>BFCIN` from the address; anything else is no selection. */
export function parseSelection(text: string | null): Selection | null {
  if (!text) return null;
  const [kind, code] = [text.slice(0, text.indexOf(":")), text.slice(text.indexOf(":") + 1)];
  if (kind === "route" && ROUTE_CODE.test(code)) return { kind, code };
  if (kind === "border" && BORDER_CODE.test(code)) return { kind, code };
  return null;
}

export function selectionText(selection: Selection): string {
  return `${selection.kind}:${selection.code}`;
}

/** The address with the selection set (or removed), its other parameters (filters, language) kept. */
export function withSelection(params: URLSearchParams, selection: Selection | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (selection) next.set("sel", selectionText(selection));
  else next.delete("sel");
  return next;
}

/** "Cinkassé PCJ (côté Togo)" → "Cinkassé PCJ": names short enough for a map label. */
export function shortName(name: string): string {
  const cut = name.indexOf(" (");
  return (cut > 0 ? name.slice(0, cut) : name).trim();
}

export interface BorderPost {
  /** The crossing in the import direction (`TGCIN>BFCIN`): the post's name in the address. */
  readonly key: string;
  readonly exit: string;
  readonly entry: string;
  /** Both ways: import first, then export (`BFCIN>TGCIN`). */
  readonly directions: readonly [string, string];
}

const reverse = (crossing: string) => crossing.split(">").reverse().join(">");

/**
 * The border posts: where a route passes from one country's office to the
 * next country's (in the routes' import order), plus any crossing the data
 * holds that no route lists. One post per pair of offices, whichever way.
 */
export function borderPosts(routes: readonly RouteLike[], offices: readonly OfficeLike[], crossings: readonly string[] = []): BorderPost[] {
  const country = new Map(offices.map((o) => [o.code, o.country]));
  const posts = new Map<string, BorderPost>();
  const add = (exit: string, entry: string) => {
    const key = `${exit}>${entry}`;
    if (posts.has(key) || posts.has(reverse(key))) return;
    posts.set(key, { key, exit, entry, directions: [key, reverse(key)] });
  };
  for (const route of routes) {
    for (let i = 0; i + 1 < route.offices.length; i++) {
      const a = route.offices[i] as string;
      const b = route.offices[i + 1] as string;
      const [ca, cb] = [country.get(a), country.get(b)];
      if (ca !== undefined && cb !== undefined && ca !== cb) add(a, b);
    }
  }
  for (const crossing of crossings) {
    const [exit, entry] = crossing.split(">");
    if (exit && entry && country.has(exit) && country.has(entry)) add(exit, entry);
  }
  return [...posts.values()];
}

/** The cells of rows split by one dimension, by the dimension's value (no time buckets). */
export function cellsByValue(rows: readonly RowLike[]): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (const row of rows) {
    const value = row.dimensions[0]?.value;
    if (value !== undefined) out.set(value, row.cells.map((c) => c.value));
  }
  return out;
}

export interface Figures {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly count: number | null;
}

/** P50, P90 and COUNT read from cells asked in that order (a gap when absent). */
export function figuresOf(cells: readonly (number | null)[] | undefined, offset = 0): Figures {
  return { p50: cells?.[offset] ?? null, p90: cells?.[offset + 1] ?? null, count: cells?.[offset + 2] ?? null };
}

export interface TrendSeries {
  readonly key: string;
  readonly label: string;
}

export type TrendRow = { bucket: string } & Record<string, number | null | string>;

const safeKey = (text: string) => text.replace(/[^A-Za-z0-9]/gu, "_");

/**
 * Time-bucketed rows → one record per bucket with a column per cell (P50,
 * P90…) and, when the rows are split by a dimension, per value and cell.
 * Gaps stay null so a line breaks there. `valueLabel` names a dimension
 * value; values in `valueOrder` come first, in that order (import before export).
 */
export function trendByCell(rows: readonly RowLike[], cells: readonly TrendSeries[], valueLabel: (value: string) => string = (v) => v, valueOrder: readonly string[] = []): { data: TrendRow[]; series: TrendSeries[] } {
  const buckets = new Map<string, TrendRow>();
  const series = new Map<string, string>();
  const rank = (row: RowLike) => {
    const i = valueOrder.indexOf(row.dimensions[0]?.value ?? "");
    return i < 0 ? valueOrder.length : i;
  };
  for (const row of [...rows].sort((a, b) => rank(a) - rank(b))) {
    const bucket = row.bucket ?? "";
    const value = row.dimensions[0]?.value;
    const record = buckets.get(bucket) ?? ({ bucket } as TrendRow);
    cells.forEach((cell, i) => {
      const key = value === undefined ? cell.key : `${safeKey(value)}__${cell.key}`;
      if (!series.has(key)) series.set(key, value === undefined ? cell.label : `${valueLabel(value)} — ${cell.label}`);
      record[key] = row.cells[i]?.value ?? null;
    });
    buckets.set(bucket, record);
  }
  const data = [...buckets.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
  for (const record of data) for (const key of series.keys()) if (!(key in record)) record[key] = null;
  return { data, series: [...series].map(([key, label]) => ({ key, label })) };
}

/** A chart's state, as ChartCard takes it (kept structural so this file needs no React). */
export type StateLike =
  | { status: "loading" }
  | { status: "error"; retry: () => void; code?: string; message?: string }
  | { status: "empty"; message?: string }
  | { status: "ready"; staleSince?: string | null };

/**
 * One state for a chart fed by several queries: an error if any failed (retry
 * runs them all again), loading while any loads, empty when all are empty,
 * otherwise ready (offline since the oldest answer kept, if any).
 */
export function combineStates(states: readonly StateLike[]): StateLike {
  const errors = states.filter((s): s is Extract<StateLike, { status: "error" }> => s.status === "error");
  if (errors.length > 0) {
    const first = errors[0] as Extract<StateLike, { status: "error" }>;
    return { ...first, retry: () => errors.forEach((e) => e.retry()) };
  }
  if (states.some((s) => s.status === "loading")) return { status: "loading" };
  const ready = states.filter((s): s is Extract<StateLike, { status: "ready" }> => s.status === "ready");
  if (ready.length === 0) return { status: "empty" };
  const stale = ready.map((s) => s.staleSince).filter((s): s is string => typeof s === "string").sort();
  return { status: "ready", staleSince: stale[0] ?? null };
}

/** A refused query (a user scoped to another country) explained in the chart instead of a bare error. */
export function explainForbidden<S extends StateLike>(state: S, message: string): S {
  return state.status === "error" && state.code === "FORBIDDEN" ? { ...state, message } : state;
}
