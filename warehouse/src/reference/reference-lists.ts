import type { TableName } from "../tables.js";

/** How a CSV cell becomes a column value. */
export type ColumnKind = "string" | "uint" | "float" | "flag" | "list" | "timezone" | "chapter";

export interface ReferenceList {
  readonly table: TableName;
  readonly file: string;
  /** The column that identifies a row; a code that leaves the file is deleted from the table. */
  readonly key: string;
  readonly columns: Readonly<Record<string, ColumnKind>>;
}

/** The reference lists, in load order: later lists are checked against earlier ones. */
export const REFERENCE_LISTS: readonly ReferenceList[] = [
  { table: "ref_countries", file: "countries.csv", key: "code", columns: { code: "string", name_fr: "string", name_en: "string", aes: "flag", sort_order: "uint" } },
  { table: "ref_offices", file: "offices.csv", key: "code", columns: { code: "string", name: "string", country: "string", kind: "string", timezone: "timezone", lat: "float", lon: "float" } },
  { table: "ref_routes", file: "routes.csv", key: "route", columns: { route: "string", destination_country: "string", offices: "list", km: "uint", note: "string" } },
  { table: "ref_terminals", file: "terminals.csv", key: "code", columns: { code: "string", name_fr: "string", name_en: "string", cargo: "string" } },
  { table: "ref_hs_sections", file: "hs_sections.csv", key: "number", columns: { section: "string", number: "uint", first_chapter: "chapter", last_chapter: "chapter", name_fr: "string", name_en: "string" } },
  { table: "ref_hs_chapters", file: "hs_chapters.csv", key: "chapter", columns: { chapter: "chapter", section: "string", name_fr: "string", name_en: "string" } },
  { table: "ref_tax_codes", file: "tax_codes.csv", key: "code", columns: { code: "string", name_fr: "string", name_en: "string", revenue: "flag" } },
  { table: "ref_fee_codes", file: "fee_codes.csv", key: "code", columns: { code: "string", name_fr: "string", name_en: "string", ship_fee: "flag" } },
];

export type ReferenceRow = Record<string, string | number | readonly string[]>;

function validTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Converts one cell, or returns why it cannot be. */
export function convertCell(kind: ColumnKind, raw: string): { value: string | number | readonly string[] } | { problem: string } {
  const text = raw.trim();
  switch (kind) {
    case "string":
      return { value: text };
    case "uint":
      return /^\d+$/u.test(text) ? { value: Number(text) } : { problem: `entier attendu / integer expected, got "${raw}"` };
    case "float": {
      const n = Number(text);
      return text !== "" && Number.isFinite(n) ? { value: n } : { problem: `nombre attendu / number expected, got "${raw}"` };
    }
    case "flag":
      return text === "0" || text === "1" ? { value: Number(text) } : { problem: `0 ou 1 attendu / 0 or 1 expected, got "${raw}"` };
    case "list":
      return text === "" ? { problem: "liste vide / empty list" } : { value: text.split(">").map((s) => s.trim()) };
    case "timezone":
      return validTimezone(text) ? { value: text } : { problem: `fuseau horaire inconnu / unknown time zone "${raw}"` };
    case "chapter":
      return /^\d{2}$/u.test(text) ? { value: text } : { problem: `chapitre à deux chiffres attendu / two-digit chapter expected, got "${raw}"` };
  }
}

/** Cross-list checks: every office's country and every route's offices must exist. */
export function crossCheck(lists: ReadonlyMap<TableName, readonly ReferenceRow[]>): string[] {
  const problems: string[] = [];
  const countries = new Set((lists.get("ref_countries") ?? []).map((r) => r.code as string));
  const offices = new Set((lists.get("ref_offices") ?? []).map((r) => r.code as string));
  const sections = new Set((lists.get("ref_hs_sections") ?? []).map((r) => r.section as string));
  for (const office of lists.get("ref_offices") ?? []) {
    if (!countries.has(office.country as string)) problems.push(`offices.csv: ${String(office.code)}: pays inconnu / unknown country ${String(office.country)}`);
  }
  for (const route of lists.get("ref_routes") ?? []) {
    if (!countries.has(route.destination_country as string)) problems.push(`routes.csv: ${String(route.route)}: pays inconnu / unknown country ${String(route.destination_country)}`);
    for (const office of route.offices as readonly string[]) {
      if (!offices.has(office)) problems.push(`routes.csv: ${String(route.route)}: bureau inconnu / unknown office ${office}`);
    }
  }
  for (const chapter of lists.get("ref_hs_chapters") ?? []) {
    if (!sections.has(chapter.section as string)) problems.push(`hs_chapters.csv: ${String(chapter.chapter)}: section inconnue / unknown section ${String(chapter.section)}`);
  }
  return problems;
}
