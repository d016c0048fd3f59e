import type { Warehouse } from "@corridor/warehouse";
import type { ReferenceQueries } from "../queries/reference.queries.js";
import type { DimensionId } from "./registry/dimensions.js";

export interface Label {
  readonly fr: string;
  readonly en: string;
}

export type LabelIndex = ReadonlyMap<string, Label>;

/** Codes the country dimension gives that no reference list holds. */
const COUNTRY_GROUPS: Readonly<Record<string, Label>> = {
  ZZ: { fr: "Autres pays", en: "Other countries" },
  "": { fr: "Non attribué", en: "Unallocated" },
};

const DIRECTIONS: Readonly<Record<string, Label>> = {
  import: { fr: "Import", en: "Import" },
  export: { fr: "Export", en: "Export" },
};

const MOVES: Readonly<Record<string, Label>> = {
  DISCHARGE: { fr: "Débarquement", en: "Discharge" },
  LOAD: { fr: "Embarquement", en: "Load" },
};

const TRADES: Readonly<Record<string, Label>> = {
  import: { fr: "Import", en: "Import" },
  export: { fr: "Export", en: "Export" },
  transshipment: { fr: "Transbordement", en: "Transshipment" },
};

const CARGO: Readonly<Record<string, Label>> = {
  container: { fr: "Conteneurs", en: "Containers" },
  bulk: { fr: "Vrac solide", en: "Dry bulk" },
  liquid_bulk: { fr: "Vrac liquide", en: "Liquid bulk" },
  vehicles: { fr: "Véhicules", en: "Vehicles" },
  general: { fr: "Marchandises diverses", en: "General cargo" },
};

const fixed = (labels: Readonly<Record<string, Label>>): LabelIndex => new Map(Object.entries(labels));

/**
 * French and English names of a dimension's values, from the reference lists
 * the data is checked against; empty for dimensions whose values are their
 * own names (consignee codes, border pairs).
 */
export async function labelsOf(dimension: DimensionId, reference: ReferenceQueries): Promise<LabelIndex> {
  const named = (rows: readonly { code: string; name_fr: string; name_en: string }[]) => new Map(rows.map((r) => [r.code, { fr: r.name_fr, en: r.name_en }]));
  switch (dimension) {
    case "COUNTRY":
      return new Map([...named(await reference.countries()), ...Object.entries(COUNTRY_GROUPS)]);
    case "OFFICE":
      return new Map((await reference.offices(null)).map((o) => [o.code, { fr: o.name, en: o.name }]));
    case "ROUTE":
      return new Map((await reference.routes()).map((r) => [r.route, { fr: r.note, en: r.note }]));
    case "TERMINAL":
      return named(await reference.terminals());
    case "TAX_CODE":
      return named(await reference.taxCodes());
    case "FEE_CODE":
      return named(await reference.feeCodes());
    case "HS_SECTION":
      return new Map((await reference.hsSections()).map((s) => [s.section, { fr: s.name_fr, en: s.name_en }]));
    case "HS_CHAPTER":
      return new Map((await reference.hsChapters(null)).map((c) => [c.chapter, { fr: c.name_fr, en: c.name_en }]));
    case "DIRECTION":
      return fixed(DIRECTIONS);
    case "MOVE":
      return fixed(MOVES);
    case "TRADE":
      return fixed(TRADES);
    case "CARGO_TYPE":
      return fixed(CARGO);
    case "BORDER": {
      // A crossing is named by its two offices: every pair of border offices, a few hundred at most.
      const borders = (await reference.offices(null)).filter((o) => o.kind === "border");
      return new Map(borders.flatMap((exit) => borders.filter((entry) => entry.country !== exit.country).map((entry) => [`${exit.code}>${entry.code}`, { fr: `${exit.name} → ${entry.name}`, en: `${exit.name} → ${entry.name}` }])));
    }
    case "HS_HEADING":
    case "CONSIGNEE":
      return new Map();
  }
}

/**
 * Consignees are named in the declarations themselves, not in a reference
 * list: the latest name declared for each code asked for.
 */
export async function consigneeLabels(warehouse: Warehouse, codes: readonly string[]): Promise<LabelIndex> {
  if (codes.length === 0) return new Map();
  const rows = await warehouse.query<{ code: string; name: string }>({
    sql: "SELECT consignee_code AS code, argMax(consignee_name, registered_at) AS name FROM fact_declarations WHERE consignee_code IN {codes:Array(String)} GROUP BY consignee_code",
    params: { codes: [...new Set(codes)].slice(0, 10_000) },
    tag: "api:labels:consignees",
  });
  return new Map(rows.filter((r) => r.name !== "").map((r) => [r.code, { fr: r.name, en: r.name }]));
}
