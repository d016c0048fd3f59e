import { monthOfText, type FeedSpec } from "../../core/feed-spec.js";
import type { Column } from "../../core/tab-separated.js";
import { parsePortInvoices } from "./parse.js";
import type { PortInvoiceRow } from "./row.js";

const COLUMNS: readonly Column[] = [
  { name: "invoice_no", kind: "text" },
  { name: "issued_at", kind: "text" },
  { name: "fee_code", kind: "text" },
  { name: "amount", kind: "number" },
  { name: "currency", kind: "text" },
  { name: "amount_xof", kind: "number" },
  { name: "country", kind: "text" },
  { name: "call_id", kind: "text" },
  { name: "container", kind: "text" },
  { name: "declaration", kind: "text" },
  { name: "credit_note_of", kind: "text" },
];

export const portInvoicesSpec: FeedSpec<PortInvoiceRow> = {
  id: "port-invoices",
  table: "port_invoices",
  parse: parsePortInvoices,
  columns: COLUMNS,
  rank: () => 0,
  months: (row) => [monthOfText(row.issued_at)],
  eventAt: (row) => row.issued_at,
  previousMonthsSql: "SELECT DISTINCT toYYYYMM(issued_at) AS m FROM port_invoices FINAL WHERE invoice_no IN {keys:Array(String)}",
};
