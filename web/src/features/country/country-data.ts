/**
 * The country page's data shaping: the country of the address, the journey's
 * stages in order, labelled top-N rows and the headline tiles. Pure functions
 * (tested in web/test/country-data.test.ts); no React, no imports.
 */

/** The countries with a page, in the switcher's order. */
export const PAGE_COUNTRIES = ["BF", "ML", "NE", "TG"] as const;
export type PageCountry = (typeof PAGE_COUNTRIES)[number];

/** Country names are the same in French and English for these four. */
export const COUNTRY_NAMES: Readonly<Record<PageCountry, string>> = { BF: "Burkina Faso", ML: "Mali", NE: "Niger", TG: "Togo" };

/** `/pays/BF` → "BF" (any case); null when the address names no country page. */
export function countryOfPath(path: string): PageCountry | null {
  const match = /^\/pays\/([A-Za-z]{2})\/?$/u.exec(path);
  const code = match?.[1]?.toUpperCase();
  return PAGE_COUNTRIES.find((c) => c === code) ?? null;
}

export function countryPath(code: PageCountry): string {
  return `/pays/${code}`;
}

/** The commodity charts' measure, in the address as `measure=cif` (tonnes when absent). */
export type CommodityMeasure = "TONNES" | "CIF_VALUE";

export function commodityMeasureOf(params: URLSearchParams): CommodityMeasure {
  return params.get("measure") === "cif" ? "CIF_VALUE" : "TONNES";
}

export function withCommodityMeasure(params: URLSearchParams, measure: CommodityMeasure): URLSearchParams {
  const next = new URLSearchParams(params);
  if (measure === "CIF_VALUE") next.set("measure", "cif");
  else next.delete("measure");
  return next;
}

/**
 * The stages of a consignment's journey, in the order they begin. They
 * overlap (a container's port dwell includes its customs release; the
 * corridor transit includes the border crossings; end to end covers all), so
 * they are shown side by side, never added up.
 */
export const JOURNEY = ["PORT_DWELL", "CUSTOMS_RELEASE", "CORRIDOR_TRANSIT", "BORDER_CROSSING", "END_TO_END"] as const;
export type JourneyMeasure = (typeof JOURNEY)[number];

/** The statistics asked of every stage, in this order. */
export const JOURNEY_STATISTICS = ["P50", "P90", "COUNT"] as const;

export interface CellLike {
  readonly measure: string;
  readonly statistic: string;
  readonly value: number | null;
}

export interface Stage {
  readonly measure: JourneyMeasure;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly count: number | null;
}

/** The one row of the journey query (no split, no time) → the stages in journey order, each with its median, P90 and count. */
export function journeyStages(cells: readonly CellLike[]): Stage[] {
  const value = (measure: string, statistic: string) => cells.find((c) => c.measure === measure && c.statistic === statistic)?.value ?? null;
  return JOURNEY.map((measure) => ({ measure, p50: value(measure, "P50"), p90: value(measure, "P90"), count: value(measure, "COUNT") }));
}

export interface RowLike {
  readonly dimensions: readonly { readonly value: string; readonly labelFr: string | null; readonly labelEn: string | null }[];
  readonly cells: readonly { readonly value: number | null }[];
}

export type LabelledRow = { key: string; label: string; name: string } & Record<string, number | string | null>;

/** Cuts a label to `max` characters at a word if it can, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, "")}…`;
}

/**
 * Rows split by one dimension → bar records: `key` the code, `name` the full
 * name (from the reference list; the code when there is none), `label` what
 * the axis shows (code and short name), and one column per cell.
 */
export function labelledRows(rows: readonly RowLike[], cellKeys: readonly string[], language: "fr" | "en", options: { withCode?: boolean; codeOnly?: boolean; max?: number; rename?: (name: string) => string } = {}): LabelledRow[] {
  const max = options.max ?? 30;
  return rows.map((row) => {
    const d = row.dimensions[0];
    const key = d?.value ?? "";
    const raw = (language === "fr" ? d?.labelFr : d?.labelEn) ?? null;
    const name = raw === null ? key || "—" : options.rename ? options.rename(raw) : raw;
    const label = options.codeOnly || raw === null ? key || "—" : shorten(options.withCode ? `${key} ${name}` : name, max);
    const record: LabelledRow = { key, label, name };
    cellKeys.forEach((k, i) => (record[k] = row.cells[i]?.value ?? null));
    return record;
  });
}

/** "Cinkassé PCJ (côté Togo) → Cinkansé PCJ (côté Burkina Faso)" → "Cinkassé PCJ → Cinkansé PCJ". */
export function shortCrossing(label: string): string {
  return label
    .split(" → ")
    .map((side) => (side.indexOf(" (") > 0 ? side.slice(0, side.indexOf(" (")) : side).trim())
    .join(" → ");
}

export interface TileCell {
  readonly measure: string;
  readonly statistic: string;
  readonly unit: string;
  readonly value: number | null;
  readonly previousChange: number | null;
  readonly yearAgoChange: number | null;
}

/** The headline tiles, in the order shown; the field names of `countryFigures`. */
export const TILES = ["tonnes", "cifValue", "declarations", "teu", "trucks", "customsRevenue", "portDwellP50", "customsReleaseP50", "corridorTransitP50", "endToEndP50"] as const;
export type TileField = (typeof TILES)[number];

export interface Tile {
  readonly field: TileField;
  readonly label: string;
  readonly unit: string;
  readonly value: number | null;
  readonly previousChange: number | null;
  readonly yearAgoChange: number | null;
  /** A longer time is bad news: its change is coloured so. */
  readonly higherIsBetter: boolean;
}

/** One country's `countryFigures` entry → its headline tiles, labelled. */
export function countryTiles(figures: Partial<Record<TileField, TileCell>>, labels: Readonly<Record<TileField, string>>): Tile[] {
  return TILES.flatMap((field) => {
    const cell = figures[field];
    if (!cell) return [];
    return [{ field, label: labels[field], unit: cell.unit, value: cell.value, previousChange: cell.previousChange, yearAgoChange: cell.yearAgoChange, higherIsBetter: cell.unit !== "HOURS" }];
  });
}

/** A chart's state, as ChartCard takes it (structural, so this file needs no React). */
export type StateLike =
  | { status: "loading" }
  | { status: "error"; retry: () => void; code?: string; message?: string }
  | { status: "empty"; message?: string }
  | { status: "ready"; staleSince?: string | null };

/** A query the API refused (a user scoped to another country asking this one's detail): explained in the chart, not a bare error. */
export function explainForbidden<S extends StateLike>(state: S, message: string): S {
  return state.status === "error" && state.code === "FORBIDDEN" ? { ...state, message } : state;
}
