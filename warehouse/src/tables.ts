/**
 * Every table the platform writes rows into. Table names in SQL come from this
 * registry only; an insert into a name outside it is refused before any SQL is built.
 */
export const TABLES = [
  // loaded records, one table per feed (formats.md)
  "vessel_calls",
  "container_events",
  "customs_declarations",
  "transit_events",
  "port_invoices",
  // bookkeeping of loads
  "load_log",
  "quarantine",
  // reference data
  "ref_countries",
  "ref_offices",
  "ref_routes",
  "ref_terminals",
  "ref_hs_sections",
  "ref_hs_chapters",
  "ref_tax_codes",
  "ref_fee_codes",
  "ref_sync",
  "schema_migrations",
  // derived facts and their rollups
  "fact_ship_calls",
  "fact_ship_calls_stage",
  "rollup_ship_calls_hourly",
  "rollup_ship_calls_hourly_stage",
] as const;

export type TableName = (typeof TABLES)[number];

const KNOWN: ReadonlySet<string> = new Set(TABLES);

export function isTable(name: string): name is TableName {
  return KNOWN.has(name);
}

export function checkTable(name: string): TableName {
  if (!isTable(name)) throw new TypeError(`unknown table ${JSON.stringify(name)}: not in the warehouse table registry`);
  return name;
}
