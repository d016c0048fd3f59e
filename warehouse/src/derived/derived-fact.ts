import type { FeedId } from "../feeds.js";
import type { StagedTable } from "./refresh-partitions.js";

/**
 * A derived table rebuilt month by month: its build fills the staging
 * table(s) for the months given as {months:Array(UInt32)}, and the refresh
 * swaps those months into the live tables.
 */
export interface DerivedFact {
  readonly name: string;
  /** The feeds it is built from: a load of other feeds leaves it as it is. */
  readonly sources: readonly FeedId[];
  readonly tables: readonly StagedTable[];
  /** INSERT … SELECT statements into the staging tables, with the {months:Array(UInt32)} parameter. */
  readonly build: readonly string[];
}

/** Reference lists as maps inside one statement (small; read once per statement). */
export const REFERENCE_MAPS = {
  officeCountry: "(SELECT CAST((groupArray(toString(code)), groupArray(toString(country))), 'Map(String, String)') FROM ref_offices FINAL) AS office_country",
  officeKind: "(SELECT CAST((groupArray(toString(code)), groupArray(toString(kind))), 'Map(String, String)') FROM ref_offices FINAL) AS office_kind",
  routeOffices: "(SELECT CAST((groupArray(toString(route)), groupArray(offices)), 'Map(String, Array(String))') FROM ref_routes FINAL) AS route_offices",
  routeCountry: "(SELECT CAST((groupArray(toString(route)), groupArray(toString(destination_country))), 'Map(String, String)') FROM ref_routes FINAL) AS route_country",
  chapterSection: "(SELECT CAST((groupArray(toString(chapter)), groupArray(toString(section))), 'Map(String, String)') FROM ref_hs_chapters FINAL) AS chapter_section",
  revenueTaxCodes: "(SELECT groupArray(toString(code)) FROM ref_tax_codes FINAL WHERE revenue = 1) AS revenue_tax_codes",
  shipFeeCodes: "(SELECT groupArray(toString(code)) FROM ref_fee_codes FINAL WHERE ship_fee = 1) AS ship_fee_codes",
} as const;

/** Declarations that count for volumes: IM8, EX1, and IM4 that do not end an IM8 (formats.md). */
export const COUNTED_DECLARATION = `d.cancelled = 0
  AND NOT (d.regime = 'IM4' AND d.previous_document != ''
           AND d.previous_document IN (SELECT declaration_id FROM customs_declarations FINAL WHERE regime = 'IM8' AND cancelled = 0))`;

/** The country a declaration's volumes and release time belong to: IM8 its destination; IM4 and EX1 the office's country. */
export const DECLARATION_COUNTRY = "if(d.regime = 'IM8', d.destination_country, d.office_country)";
export const DECLARATION_DIRECTION = "if(d.regime = 'EX1', 'export', 'import')";
