/**
 * A declaration as stored in `customs_declarations` (migration 0006): one row,
 * with containers, items and tax lines as parallel arrays (ClickHouse Nested).
 * Times UTC `YYYY-MM-DD HH:MM:SS` converted from the office's local time;
 * numbers canonical decimal text.
 */
export interface CustomsDeclarationRow {
  readonly [column: string]: string | number | null | readonly string[] | readonly (string | null)[] | readonly number[];
  /** `TGLFW-2024-L-12345`: office, registration year (local date), serial, number as written. */
  readonly declaration_id: string;
  readonly office: string;
  readonly reg_year: number;
  readonly serial: string;
  readonly number: string;
  readonly office_country: string;
  readonly regime: "IM8" | "IM4" | "EX1";
  /** 1 when Identification/Status is CANCELLED. */
  readonly cancelled: number;
  readonly registered_at: string;
  readonly receipt_number: string;
  readonly receipt_at: string | null;
  readonly released_at: string | null;
  /** IM8 and EX1: Destination_country_code (it wins over the destination office's country); else "". */
  readonly destination_country: string;
  readonly destination_office: string;
  readonly route: string;
  /** `YYYY-MM-DD` or null. */
  readonly transit_time_limit: string | null;
  readonly guarantee_reference: string;
  readonly guarantee_amount: string | null;
  readonly previous_document: string;
  readonly consignee_code: string;
  readonly consignee_name: string;
  readonly "containers.identity": readonly string[];
  readonly "containers.size_type": readonly string[];
  readonly "containers.full_empty": readonly string[];
  readonly "containers.gross_kg": readonly (string | null)[];
  /** 10 digits: Commodity_code (8) + Precision_1 (2). */
  readonly "items.hs_code": readonly string[];
  readonly "items.origin": readonly string[];
  readonly "items.description": readonly string[];
  readonly "items.gross_kg": readonly string[];
  readonly "items.net_kg": readonly string[];
  readonly "items.cif_xof": readonly string[];
  /** Index in items, from 1. */
  readonly "taxes.item": readonly number[];
  readonly "taxes.code": readonly string[];
  readonly "taxes.base": readonly string[];
  /** A percentage. */
  readonly "taxes.rate": readonly string[];
  readonly "taxes.amount": readonly string[];
  /** 1 paid, 0 suspended, 2 guaranteed. */
  readonly "taxes.mp": readonly number[];
  /** Of the batch (UTC `YYYY-MM-DD HH:MM:SS.mmm`); null for a lone ASYCUDA root. Not part of the declaration's values. */
  readonly exported_at: string | null;
}
