import { DECLARATION_DIRECTION, REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";

/**
 * Customs revenue: tax lines paid (MP = 1) of a revenue code, dated by the
 * receipt, for the administration that collected them (the office's country).
 * A paid line with no receipt yet counts nowhere until the receipt comes.
 */
export const customsRevenue: DerivedFact = {
  name: "customs-revenue",
  sources: ["customs-declarations"],
  tables: [{ live: "fact_customs_revenue", stage: "fact_customs_revenue_stage" },
    // Filled by the view mv_customs_revenue_hourly as the facts land in staging.
    { live: "rollup_customs_revenue_hourly", stage: "rollup_customs_revenue_hourly_stage" }],
  build: [
    `INSERT INTO fact_customs_revenue_stage
WITH ${REFERENCE_MAPS.revenueTaxCodes}
SELECT
    d.declaration_id,
    tax_item AS item,
    assumeNotNull(d.receipt_at) AS receipt_at,
    d.office,
    d.office_country AS country,
    d.regime,
    ${DECLARATION_DIRECTION} AS direction,
    d.destination_country,
    tax_code,
    substring(d.\`items.hs_code\`[tax_item], 1, 2) AS hs_chapter,
    tax_base AS base_xof,
    tax_rate AS rate,
    tax_amount AS amount_xof
FROM customs_declarations AS d FINAL
ARRAY JOIN
    d.\`taxes.item\` AS tax_item,
    d.\`taxes.code\` AS tax_code,
    d.\`taxes.base\` AS tax_base,
    d.\`taxes.rate\` AS tax_rate,
    d.\`taxes.amount\` AS tax_amount,
    d.\`taxes.mp\` AS tax_mp
WHERE d.cancelled = 0 AND d.receipt_at IS NOT NULL
  AND toYYYYMM(assumeNotNull(d.receipt_at)) IN {months:Array(UInt32)}
  AND tax_mp = 1 AND has(revenue_tax_codes, toString(tax_code))`,
  ],
};
