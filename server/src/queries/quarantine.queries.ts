import { quarantineReasonsStatement, quarantineRecordsStatement, type QuarantineFilter, type QuarantineReasonRow, type QuarantineRow } from "@corridor/etl";
import type { Warehouse } from "@corridor/warehouse";

export type { QuarantineReasonRow, QuarantineRow };

/**
 * The quarantine as operators read it: the same SQL as `etl quarantine`
 * (shared with the ETL), values bound as parameters, raw text cut.
 */
export class QuarantineQueries {
  constructor(private readonly warehouse: Warehouse) {}

  records(filter: QuarantineFilter & { limit: number; rawChars: number }): Promise<QuarantineRow[]> {
    return this.warehouse.query<QuarantineRow>(quarantineRecordsStatement(filter, "api:quarantine:records"));
  }

  /** Counts per reason code, most frequent first. */
  reasons(filter: QuarantineFilter): Promise<QuarantineReasonRow[]> {
    return this.warehouse.query<QuarantineReasonRow>(quarantineReasonsStatement(filter, "api:quarantine:reasons"));
  }
}
