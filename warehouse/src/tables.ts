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
  // the memory of every record loaded or quarantined
  "record_ledger",
  "pending_months",
  "users",
  "sessions",
  "api_keys",
  "audit_log",
  // scheduled reports: schedules and their runs (migration 0034)
  "report_schedules",
  "report_runs",
  // derived facts, their staging twins and rollups
  "fact_ship_calls",
  "fact_ship_calls_stage",
  "rollup_ship_calls_hourly",
  "rollup_ship_calls_hourly_stage",
  "fact_port_dwell",
  "fact_port_dwell_stage",
  "fact_declarations",
  "fact_declarations_stage",
  "fact_declaration_items",
  "fact_declaration_items_stage",
  "fact_releases",
  "fact_releases_stage",
  "fact_customs_revenue",
  "fact_customs_revenue_stage",
  "fact_port_charges",
  "fact_port_charges_stage",
  "fact_transits",
  "fact_transits_stage",
  "fact_border_crossings",
  "fact_border_crossings_stage",
  "fact_journeys",
  "fact_journeys_stage",
  "fact_port_moves",
  "fact_port_moves_stage",
  "rollup_declarations_hourly",
  "rollup_declarations_hourly_stage",
  "rollup_port_dwell_hourly",
  "rollup_port_dwell_hourly_stage",
  "rollup_releases_hourly",
  "rollup_releases_hourly_stage",
  "rollup_customs_revenue_hourly",
  "rollup_customs_revenue_hourly_stage",
  "rollup_port_charges_hourly",
  "rollup_port_charges_hourly_stage",
  "rollup_transits_hourly",
  "rollup_transits_hourly_stage",
  "rollup_border_crossings_hourly",
  "rollup_border_crossings_hourly_stage",
  "rollup_port_moves_hourly",
  "rollup_port_moves_hourly_stage",
  "rollup_journeys_hourly",
  "rollup_journeys_hourly_stage",
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
