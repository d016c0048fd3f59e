import type { Warehouse } from "@corridor/warehouse";
import type { Office, ReferenceData, Route } from "../core/types.js";

/** The code lists, read once per load run: a handful of small tables. */
export async function readReferenceData(warehouse: Warehouse): Promise<ReferenceData> {
  const tag = "etl:reference";
  const [offices, routes, terminals, fees, taxes] = await Promise.all([
    warehouse.query<Office>({ sql: "SELECT toString(code) AS code, toString(country) AS country, toString(kind) AS kind, toString(timezone) AS timezone FROM ref_offices FINAL", tag }),
    warehouse.query<{ code: string; destinationCountry: string; offices: string[] }>({ sql: "SELECT toString(route) AS code, toString(destination_country) AS destinationCountry, offices FROM ref_routes FINAL", tag }),
    warehouse.query<{ code: string }>({ sql: "SELECT toString(code) AS code FROM ref_terminals FINAL", tag }),
    warehouse.query<{ code: string }>({ sql: "SELECT toString(code) AS code FROM ref_fee_codes FINAL", tag }),
    warehouse.query<{ code: string }>({ sql: "SELECT toString(code) AS code FROM ref_tax_codes FINAL", tag }),
  ]);
  return {
    offices: new Map(offices.map((o) => [o.code, o])),
    routes: new Map(routes.map((r): [string, Route] => [r.code, r])),
    terminals: new Set(terminals.map((t) => t.code)),
    feeCodes: new Set(fees.map((f) => f.code)),
    taxCodes: new Set(taxes.map((t) => t.code)),
  };
}
