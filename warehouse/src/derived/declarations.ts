import { COUNTED_DECLARATION, DECLARATION_COUNTRY, DECLARATION_DIRECTION, REFERENCE_MAPS, type DerivedFact } from "./derived-fact.js";

/** TEU of an ISO size-type by its first character (formats.md): 2 → 1, 4 → 2, L → 2.25. */
const TEU_OF_SIZE = "multiIf(startsWith(t, '2'), toDecimal64(1, 2), startsWith(t, '4'), toDecimal64(2, 2), startsWith(t, 'L'), toDecimal64(2.25, 2), toDecimal64(0, 2))";

/**
 * Volumes by declaration (count, declared TEU, tonnes, CIF, guarantee) and by
 * item (tonnes and CIF by HS code), for the declarations that count, dated by
 * registration. Cargo type: containers when any are listed, else from the
 * first item's HS chapter (fuels: liquid bulk; cereals, salt/cement, ores,
 * fertilisers, iron and steel: bulk; vehicles; general otherwise).
 */
export const declarations: DerivedFact = {
  name: "declarations",
  sources: ["customs-declarations"],
  tables: [
    { live: "fact_declarations", stage: "fact_declarations_stage" },
    { live: "fact_declaration_items", stage: "fact_declaration_items_stage" },
    // Filled by the view mv_declarations_hourly as the facts land in staging.
    { live: "rollup_declarations_hourly", stage: "rollup_declarations_hourly_stage" },
  ],
  build: [
    `INSERT INTO fact_declarations_stage
WITH ${REFERENCE_MAPS.officeCountry}, ${REFERENCE_MAPS.routeOffices}
SELECT
    d.declaration_id,
    d.registered_at,
    d.office,
    d.office_country,
    d.regime,
    ${DECLARATION_DIRECTION} AS direction,
    ${DECLARATION_COUNTRY} AS country,
    d.route,
    d.destination_office,
    d.consignee_code,
    d.consignee_name,
    multiIf(length(d.\`containers.identity\`) > 0, 'container',
            substring(d.\`items.hs_code\`[1], 1, 2) = '27', 'liquid_bulk',
            substring(d.\`items.hs_code\`[1], 1, 2) IN ('10', '25', '26', '31', '72'), 'bulk',
            substring(d.\`items.hs_code\`[1], 1, 2) = '87', 'vehicles',
            'general') AS cargo,
    length(d.\`containers.identity\`) AS containers,
    arraySum(arrayMap(t -> ${TEU_OF_SIZE}, d.\`containers.size_type\`)) AS teu,
    arraySum(d.\`items.gross_kg\`) / 1000 AS tonnes,
    arraySum(d.\`items.cif_xof\`) AS cif_xof,
    d.guarantee_amount AS guarantee_xof,
    length(arrayDistinct(arrayMap(o -> office_country[o], route_offices[toString(d.route)]))) AS countries_crossed
FROM customs_declarations AS d FINAL
WHERE toYYYYMM(d.registered_at) IN {months:Array(UInt32)} AND ${COUNTED_DECLARATION}`,
    `INSERT INTO fact_declaration_items_stage
WITH ${REFERENCE_MAPS.chapterSection}
SELECT
    d.declaration_id,
    item,
    d.registered_at,
    d.regime,
    ${DECLARATION_DIRECTION} AS direction,
    ${DECLARATION_COUNTRY} AS country,
    d.office,
    d.route,
    d.consignee_code,
    hs_code,
    substring(hs_code, 1, 4) AS hs_heading,
    substring(hs_code, 1, 2) AS hs_chapter,
    chapter_section[substring(hs_code, 1, 2)] AS hs_section,
    origin,
    gross_kg,
    net_kg,
    cif_xof
FROM customs_declarations AS d FINAL
ARRAY JOIN
    arrayEnumerate(d.\`items.hs_code\`) AS item,
    d.\`items.hs_code\` AS hs_code,
    d.\`items.origin\` AS origin,
    d.\`items.gross_kg\` AS gross_kg,
    d.\`items.net_kg\` AS net_kg,
    d.\`items.cif_xof\` AS cif_xof
WHERE toYYYYMM(d.registered_at) IN {months:Array(UInt32)} AND ${COUNTED_DECLARATION}`,
  ],
};
