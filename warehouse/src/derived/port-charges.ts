import { REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";

/**
 * Port charges in XOF, dated by issue, for the invoice's country; ship fees
 * and invoices without a country are unallocated (''). A credit note counts
 * under its own date, fee code and country.
 */
export const portCharges: DerivedFact = {
  name: "port-charges",
  sources: ["port-invoices"],
  tables: [{ live: "fact_port_charges", stage: "fact_port_charges_stage" },
    // Filled by the view mv_port_charges_hourly as the facts land in staging.
    { live: "rollup_port_charges_hourly", stage: "rollup_port_charges_hourly_stage" }],
  build: [
    `INSERT INTO fact_port_charges_stage
WITH ${REFERENCE_MAPS.shipFeeCodes}
SELECT
    invoice_no,
    issued_at,
    fee_code,
    if(has(ship_fee_codes, toString(fee_code)), '', country) AS country,
    amount_xof,
    currency,
    amount < 0 AS credit_note,
    call_id,
    container,
    declaration
FROM port_invoices FINAL
WHERE toYYYYMM(issued_at) IN {months:Array(UInt32)}`,
  ],
};
