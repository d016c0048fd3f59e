/** A port invoice as stored in `port_invoices` (migration 0008). `amount` as sent (canonical decimal), `amount_xof` a whole number of XOF. */
export interface PortInvoiceRow {
  readonly [column: string]: string;
  readonly invoice_no: string;
  readonly issued_at: string;
  readonly fee_code: string;
  readonly amount: string;
  readonly currency: string;
  readonly amount_xof: string;
  /** Empty: unallocated. */
  readonly country: string;
  readonly call_id: string;
  readonly container: string;
  readonly declaration: string;
  /** Set on a credit note (negative amount): the invoice it corrects. */
  readonly credit_note_of: string;
}
