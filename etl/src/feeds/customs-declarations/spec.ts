import { monthOfText, type FeedSpec } from "../../core/feed-spec.js";
import { utcTextToMs } from "../../core/local-time.js";
import type { Column } from "../../core/tab-separated.js";
import { parseCustomsDeclarations } from "./parse.js";
import type { CustomsDeclarationRow } from "./row.js";

const COLUMNS: readonly Column[] = [
  { name: "declaration_id", kind: "text" },
  { name: "office", kind: "text" },
  { name: "reg_year", kind: "number" },
  { name: "serial", kind: "text" },
  { name: "number", kind: "text" },
  { name: "office_country", kind: "text" },
  { name: "regime", kind: "text" },
  { name: "cancelled", kind: "number" },
  { name: "registered_at", kind: "text" },
  { name: "receipt_number", kind: "text" },
  { name: "receipt_at", kind: "text" },
  { name: "released_at", kind: "text" },
  { name: "destination_country", kind: "text" },
  { name: "destination_office", kind: "text" },
  { name: "route", kind: "text" },
  { name: "transit_time_limit", kind: "text" },
  { name: "guarantee_reference", kind: "text" },
  { name: "guarantee_amount", kind: "number" },
  { name: "previous_document", kind: "text" },
  { name: "consignee_code", kind: "text" },
  { name: "consignee_name", kind: "text" },
  { name: "containers.identity", kind: "text[]" },
  { name: "containers.size_type", kind: "text[]" },
  { name: "containers.full_empty", kind: "text[]" },
  { name: "containers.gross_kg", kind: "number[]" },
  { name: "items.hs_code", kind: "text[]" },
  { name: "items.origin", kind: "text[]" },
  { name: "items.description", kind: "text[]" },
  { name: "items.gross_kg", kind: "number[]" },
  { name: "items.net_kg", kind: "number[]" },
  { name: "items.cif_xof", kind: "number[]" },
  { name: "taxes.item", kind: "number[]" },
  { name: "taxes.code", kind: "text[]" },
  { name: "taxes.base", kind: "number[]" },
  { name: "taxes.rate", kind: "number[]" },
  { name: "taxes.amount", kind: "number[]" },
  { name: "taxes.mp", kind: "number[]" },
  { name: "exported_at", kind: "text" },
];

/** formats.md: "a batch's exported_at is not part of a declaration's values". */
const NOT_VALUES: ReadonlySet<string> = new Set(["exported_at"]);


export const customsDeclarationsSpec: FeedSpec<CustomsDeclarationRow> = {
  id: "customs-declarations",
  table: "customs_declarations",
  parse: parseCustomsDeclarations,
  columns: COLUMNS,
  // The copy from the latest export wins; a lone ASYCUDA root (no exported_at) ranks below any batch copy.
  rank: (row) => (row.exported_at === null ? 0 : utcTextToMs(row.exported_at) + 1),
  notValues: NOT_VALUES,
  months: (row) => [row.registered_at, row.receipt_at, row.released_at].filter((t): t is string => t !== null).map(monthOfText),
  eventAt: (row) => [row.registered_at, row.receipt_at ?? "", row.released_at ?? ""].reduce((a, b) => (b > a ? b : a)),
  previousMonthsSql: `SELECT DISTINCT m FROM (
      SELECT arrayJoin(arrayFilter(x -> x > 0, [toYYYYMM(registered_at), toYYYYMM(ifNull(receipt_at, toDateTime(0))), toYYYYMM(ifNull(released_at, toDateTime(0)))])) AS m
      FROM customs_declarations FINAL WHERE declaration_id IN {keys:Array(String)}
    ) WHERE m > 197001`,
};
