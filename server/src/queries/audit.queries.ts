import type { Warehouse } from "@corridor/warehouse";

export interface AuditRecordRow {
  at: string;
  entry: string;
  login: string;
  key_id: string;
  role: string;
  scope: string;
  address: string;
  operation_type: string;
  operation_name: string;
  query_hash: string;
  query: string;
  variables: string;
  duration_ms: number;
  http_status: number;
  outcome: string;
  error_codes: string[];
}

/** The audit trail as administrators read it: the latest requests first. */
export class AuditQueries {
  constructor(private readonly warehouse: Warehouse) {}

  latest(filter: { limit: number; login: string | null; outcome: string | null }): Promise<AuditRecordRow[]> {
    return this.warehouse.query({
      sql: `SELECT at, entry, login, key_id, toString(role) AS role, toString(scope) AS scope, address, toString(operation_type) AS operation_type, operation_name,
                   query_hash, query, variables, duration_ms, http_status, toString(outcome) AS outcome, error_codes
            FROM audit_log
            WHERE ({login:Nullable(String)} IS NULL OR login = {login:Nullable(String)})
              AND ({outcome:Nullable(String)} IS NULL OR outcome = {outcome:Nullable(String)})
            ORDER BY at DESC
            LIMIT {limit:UInt32}`,
      params: filter,
      tag: "api:audit",
    });
  }
}
