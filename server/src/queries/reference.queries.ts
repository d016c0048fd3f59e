import type { Warehouse } from "@corridor/warehouse";

export interface CountryRow {
  code: string;
  name_fr: string;
  name_en: string;
  aes: number;
}
export interface OfficeRow {
  code: string;
  name: string;
  country: string;
  kind: string;
  timezone: string;
  lat: number;
  lon: number;
}
export interface RouteRow {
  route: string;
  destination_country: string;
  offices: string[];
  km: number;
  note: string;
}
export interface NamedCodeRow {
  code: string;
  name_fr: string;
  name_en: string;
}
export interface HsSectionRow {
  section: string;
  number: number;
  first_chapter: string;
  last_chapter: string;
  name_fr: string;
  name_en: string;
}
export interface HsChapterRow {
  chapter: string;
  section: string;
  name_fr: string;
  name_en: string;
}

/** Reads of the reference lists; FINAL applies replacements and deletions of the last sync. */
export class ReferenceQueries {
  constructor(private readonly warehouse: Warehouse) {}

  countries(): Promise<CountryRow[]> {
    return this.warehouse.query({ sql: "SELECT code, name_fr, name_en, aes FROM ref_countries FINAL ORDER BY sort_order, code", tag: "api:reference:countries" });
  }

  offices(country: string | null): Promise<OfficeRow[]> {
    return this.warehouse.query({
      sql: "SELECT code, name, country, kind, timezone, lat, lon FROM ref_offices FINAL WHERE {country:Nullable(String)} IS NULL OR country = {country:Nullable(String)} ORDER BY country, code",
      params: { country },
      tag: "api:reference:offices",
    });
  }

  routes(): Promise<RouteRow[]> {
    return this.warehouse.query({ sql: "SELECT route, destination_country, offices, km, note FROM ref_routes FINAL ORDER BY route", tag: "api:reference:routes" });
  }

  terminals(): Promise<(NamedCodeRow & { cargo: string })[]> {
    return this.warehouse.query({ sql: "SELECT code, name_fr, name_en, cargo FROM ref_terminals FINAL ORDER BY code", tag: "api:reference:terminals" });
  }

  taxCodes(): Promise<(NamedCodeRow & { revenue: number })[]> {
    return this.warehouse.query({ sql: "SELECT code, name_fr, name_en, revenue FROM ref_tax_codes FINAL ORDER BY code", tag: "api:reference:tax-codes" });
  }

  feeCodes(): Promise<(NamedCodeRow & { ship_fee: number })[]> {
    return this.warehouse.query({ sql: "SELECT code, name_fr, name_en, ship_fee FROM ref_fee_codes FINAL ORDER BY code", tag: "api:reference:fee-codes" });
  }

  hsSections(): Promise<HsSectionRow[]> {
    return this.warehouse.query({ sql: "SELECT section, number, first_chapter, last_chapter, name_fr, name_en FROM ref_hs_sections FINAL ORDER BY number", tag: "api:reference:hs-sections" });
  }

  hsChapters(section: string | null): Promise<HsChapterRow[]> {
    return this.warehouse.query({
      sql: "SELECT chapter, section, name_fr, name_en FROM ref_hs_chapters FINAL WHERE {section:Nullable(String)} IS NULL OR section = {section:Nullable(String)} ORDER BY chapter",
      params: { section },
      tag: "api:reference:hs-chapters",
    });
  }
}
