import { countryExpression, type DimensionId } from "./dimensions.js";

/** Where a fact's rows are read: the detailed table, or its hourly rollup. */
export interface FactTable {
  readonly table: string;
  /** The time column filtered and bucketed: the date the fact's measures are counted on (rollups: `hour`). */
  readonly time: string;
  /** SQL of each dimension this table can give (group by and filter). */
  readonly dimensions: Partial<Readonly<Record<DimensionId, string>>>;
}

export interface FactSource {
  readonly id: FactId;
  readonly detail: FactTable;
  /** Absent: no rollup; the detailed table answers every query. */
  readonly rollup?: FactTable;
}

export type FactId = "declarations" | "declaration_items" | "port_dwell" | "releases" | "customs_revenue" | "port_charges" | "transits" | "border_crossings" | "ship_calls" | "journeys" | "port_moves";

const country = countryExpression("country");
const plain = (columns: readonly DimensionId[], names: Partial<Record<DimensionId, string>> = {}): Partial<Record<DimensionId, string>> =>
  Object.fromEntries(columns.map((d) => [d, d === "COUNTRY" ? country : `toString(${names[d] ?? d.toLowerCase()})`]));

/** The derived tables (warehouse/src/derived) the semantic layer reads, with the dimensions each gives. */
export const FACTS: Readonly<Record<FactId, FactSource>> = {
  declarations: {
    id: "declarations",
    detail: { table: "fact_declarations", time: "registered_at", dimensions: plain(["COUNTRY", "DIRECTION", "ROUTE", "OFFICE", "CARGO_TYPE", "CONSIGNEE"], { CARGO_TYPE: "cargo", CONSIGNEE: "consignee_code" }) },
    rollup: { table: "rollup_declarations_hourly", time: "hour", dimensions: plain(["COUNTRY", "DIRECTION", "ROUTE", "CARGO_TYPE"], { CARGO_TYPE: "cargo" }) },
  },
  declaration_items: {
    id: "declaration_items",
    detail: {
      table: "fact_declaration_items",
      time: "registered_at",
      dimensions: plain(["COUNTRY", "DIRECTION", "ROUTE", "OFFICE", "CONSIGNEE", "HS_SECTION", "HS_CHAPTER", "HS_HEADING"], { CONSIGNEE: "consignee_code" }),
    },
  },
  port_dwell: {
    id: "port_dwell",
    detail: { table: "fact_port_dwell", time: "gate_out_at", dimensions: plain(["COUNTRY", "TERMINAL", "ROUTE"]) },
    rollup: { table: "rollup_port_dwell_hourly", time: "hour", dimensions: plain(["COUNTRY", "TERMINAL", "ROUTE"]) },
  },
  releases: {
    id: "releases",
    detail: { table: "fact_releases", time: "released_at", dimensions: plain(["COUNTRY", "DIRECTION", "ROUTE", "OFFICE"]) },
    rollup: { table: "rollup_releases_hourly", time: "hour", dimensions: plain(["COUNTRY", "DIRECTION", "ROUTE", "OFFICE"]) },
  },
  customs_revenue: {
    id: "customs_revenue",
    detail: { table: "fact_customs_revenue", time: "receipt_at", dimensions: plain(["COUNTRY", "DIRECTION", "OFFICE", "TAX_CODE", "HS_CHAPTER"]) },
    rollup: { table: "rollup_customs_revenue_hourly", time: "hour", dimensions: plain(["COUNTRY", "DIRECTION", "TAX_CODE"]) },
  },
  port_charges: {
    id: "port_charges",
    detail: { table: "fact_port_charges", time: "issued_at", dimensions: plain(["COUNTRY", "FEE_CODE"]) },
    rollup: { table: "rollup_port_charges_hourly", time: "hour", dimensions: plain(["COUNTRY", "FEE_CODE"]) },
  },
  transits: {
    id: "transits",
    detail: { table: "fact_transits", time: "completed_at", dimensions: plain(["COUNTRY", "ROUTE", "DIRECTION"]) },
    rollup: { table: "rollup_transits_hourly", time: "hour", dimensions: plain(["COUNTRY", "ROUTE", "DIRECTION"]) },
  },
  border_crossings: {
    id: "border_crossings",
    detail: { table: "fact_border_crossings", time: "released_at", dimensions: plain(["BORDER", "COUNTRY", "ROUTE", "DIRECTION"]) },
    rollup: { table: "rollup_border_crossings_hourly", time: "hour", dimensions: plain(["BORDER", "COUNTRY", "ROUTE", "DIRECTION"]) },
  },
  ship_calls: {
    id: "ship_calls",
    detail: { table: "fact_ship_calls", time: "arrived_at", dimensions: plain(["TERMINAL"]) },
    rollup: { table: "rollup_ship_calls_hourly", time: "hour", dimensions: plain(["TERMINAL"]) },
  },
  journeys: {
    id: "journeys",
    detail: { table: "fact_journeys", time: "completed_at", dimensions: plain(["COUNTRY", "ROUTE"]) },
    rollup: { table: "rollup_journeys_hourly", time: "hour", dimensions: plain(["COUNTRY", "ROUTE"]) },
  },
  port_moves: {
    id: "port_moves",
    detail: { table: "fact_port_moves", time: "moved_at", dimensions: plain(["TERMINAL", "MOVE", "TRADE"]) },
    rollup: { table: "rollup_port_moves_hourly", time: "hour", dimensions: plain(["TERMINAL", "MOVE", "TRADE"]) },
  },
};
