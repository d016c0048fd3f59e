import { formatUtc, parseTimestamp } from "../../core/local-time.js";
import { eurToXof, isNegative, parseDecimal, roundHalfAwayFromZero } from "../../core/numbers.js";
import type { Outcome, Parser, ReferenceData } from "../../core/types.js";
import { badNumber, badTimestamp, missingFields, parseCsvFeed, PORT_ZONE, reject, type CsvDialect, type CsvFeed, type CsvValues } from "../csv/csv-records.js";
import type { PortInvoiceRow } from "./row.js";

const COLUMNS = ["invoice_no", "issued_at", "fee_code", "amount", "currency", "country", "call_id", "container", "declaration", "credit_note_of"] as const;
type Column = (typeof COLUMNS)[number];

/** An empty country is an unallocated invoice; the other optional columns are links that may not apply. */
const REQUIRED: readonly Column[] = ["invoice_no", "issued_at", "fee_code", "amount", "currency"];

/** Whole XOF from the amount as sent, by currency; null for a currency the contract does not know. */
function toXof(amount: string, currency: string): string | null {
  if (currency === "XOF") return roundHalfAwayFromZero(amount);
  if (currency === "EUR") return eurToXof(amount);
  return null;
}

/** Checks in the order of formats.md's reason codes: missing, date, number, codes, then the credit-note rule. */
function checkPortInvoice(values: CsvValues<Column>, dialect: CsvDialect, reference: ReferenceData): Outcome<PortInvoiceRow> {
  const missing = missingFields(values, REQUIRED);
  if (missing) return missing;
  const issued = parseTimestamp(values.issued_at, PORT_ZONE);
  if (issued === null) return reject("BAD_DATE", badTimestamp("issued_at", values.issued_at));
  const amount = parseDecimal(values.amount, dialect.decimalMark);
  if (amount === null) return reject("BAD_NUMBER", badNumber("amount", values.amount, dialect));
  const amountXof = toXof(amount, values.currency);
  const row: PortInvoiceRow = {
    invoice_no: values.invoice_no,
    issued_at: formatUtc(issued),
    fee_code: values.fee_code,
    amount,
    currency: values.currency,
    // Left empty when the currency is unknown: the candidate still identifies a re-sent bad invoice.
    amount_xof: amountXof ?? "",
    country: values.country,
    call_id: values.call_id,
    container: values.container,
    declaration: values.declaration,
    credit_note_of: values.credit_note_of,
  };
  if (!reference.feeCodes.has(values.fee_code)) {
    return reject("UNKNOWN_FEE_CODE", `fee_code ${JSON.stringify(values.fee_code)}: not one of ${[...reference.feeCodes].join(", ")}`, row);
  }
  if (amountXof === null) return reject("UNKNOWN_CURRENCY", `currency ${JSON.stringify(values.currency)}: must be XOF or EUR`, row);
  if (isNegative(amount) && values.credit_note_of === "") {
    return reject("CREDIT_WITHOUT_REFERENCE", `amount ${JSON.stringify(values.amount)} is negative but credit_note_of is empty`, row);
  }
  return { ok: true, row };
}

const PORT_INVOICES: CsvFeed<Column, PortInvoiceRow> = { columns: COLUMNS, key: "invoice_no", check: checkPortInvoice };

/** The port-invoices feed (formats.md §5): one record per data row, keyed by invoice_no. */
export const parsePortInvoices: Parser<PortInvoiceRow> = (bytes, context) => parseCsvFeed(bytes, context, PORT_INVOICES);
