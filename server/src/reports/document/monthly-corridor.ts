import { countryFigures, overview } from "../../metrics/entry-points.js";
import { DEFAULT_GUARANTEE_RATE, guaranteeSavings, type GuaranteeFigures } from "../../metrics/policy/guarantee-savings.js";
import type { MetricCell } from "../../metrics/query/run-metrics.js";
import type { Cell, Column, Highlight, Section, ValueKind } from "./report-document.js";
import { cellOf, COMPARISON_COLUMNS, comparisonRow, dimensionCell, kindOfUnit, text, valueOf } from "./build-common.js";
import { request, type ReportSources, type ReportSpec } from "./report-inputs.js";
import type { BuiltContent } from "./weekly-operations.js";

const TOP = 10;

const countryCell = (code: string, fr: string | null, en: string | null): Cell => (code === "" ? text("Non attribué", "Unallocated") : fr && en ? text(`${fr} (${code})`, `${en} (${code})`) : code);

/** Three columns of one figure: its value, its change on the previous period and on a year earlier. */
function withChanges(id: string, fr: string, en: string, kind: ValueKind): Column[] {
  return [
    { id, label: text(fr, en), kind },
    { id: `${id}PreviousChange`, label: text(`${fr}, évol.`, `${en}, change`), kind: "change" },
    { id: `${id}YearAgoChange`, label: text(`${fr}, sur un an`, `${en}, over a year`), kind: "change" },
  ];
}
const changes = (cell: MetricCell | undefined): Cell[] => [cell?.value ?? null, cell?.previousChange ?? null, cell?.yearAgoChange ?? null];

/**
 * The monthly corridor report: per AES country volumes, times along the
 * journey, border crossings and revenue; the top commodities, routes and
 * border posts; the single-transit-guarantee figures of the policy view.
 * Every figure is the API's: the overview and countryFigures entry points,
 * the general query and the guaranteeSavings view, asked as the owner would.
 */
export async function monthlyCorridor(sources: ReportSources, spec: ReportSpec): Promise<BuiltContent> {
  const { metrics } = sources;
  const run = (r: Parameters<typeof metrics.run>[0], tag: string) => metrics.run(r, { scope: spec.scope, tag: `report:monthly:${tag}` });
  const countries = spec.countries.length > 0 ? spec.countries : null;
  const [summary, figures, borderByCountry, borders, commodities, routes, guarantees] = await Promise.all([
    overview(metrics, spec.period, spec.timeZone, countries, spec.scope),
    countryFigures(metrics, spec.period, spec.timeZone, countries, spec.scope),
    run(request(spec, { measures: [{ measure: "BORDER_CROSSING", statistics: ["COUNT", "P50"] }], dimensions: ["COUNTRY"] }, true), "border-country"),
    run(request(spec, { measures: [{ measure: "BORDER_CROSSING", statistics: ["COUNT", "P50", "P90"] }], dimensions: ["BORDER"], order: [{ by: { measure: "BORDER_CROSSING", statistic: "COUNT" }, descending: true }], limit: TOP, compare: true }, true), "borders"),
    run(request(spec, { measures: [{ measure: "CIF_VALUE", statistics: ["VALUE"] }, { measure: "TONNES", statistics: ["VALUE"] }, { measure: "DECLARATIONS", statistics: ["VALUE"] }], dimensions: ["HS_CHAPTER"], order: [{ by: { measure: "CIF_VALUE", statistic: "VALUE" }, descending: true }], limit: TOP, compare: true }, true), "commodities"),
    run(request(spec, { measures: [{ measure: "TRUCKS", statistics: ["VALUE"] }, { measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90"] }], dimensions: ["ROUTE"], order: [{ by: { measure: "TRUCKS", statistic: "VALUE" }, descending: true }], limit: TOP, compare: true }, true), "routes"),
    guaranteeSavings(sources.warehouse, { period: spec.period, timeZone: spec.timeZone, rate: DEFAULT_GUARANTEE_RATE, countries: spec.countries }, metrics.statementLimits()),
  ]);
  const kpiKinds = summary.kpis.map((k) => kindOfUnit(k.unit, k.statistic));
  const kpi = (measure: string, statistic = "VALUE") => summary.kpis.find((k) => k.measure === measure && k.statistic === statistic);
  const highlight = (measure: string, statistic = "VALUE"): Highlight[] => {
    const k = kpi(measure, statistic);
    return k ? [{ label: text(k.labelFr, k.labelEn), kind: kindOfUnit(k.unit, k.statistic), value: k.value, previousChange: k.previousChange, yearAgoChange: k.yearAgoChange }] : [];
  };
  const borderP50 = new Map(borderByCountry.rows.map((r) => [r.dimensions[0]?.value ?? "", valueOf(r.cells, "BORDER_CROSSING", "P50")]));
  const rowsOf = figures.countries.map((c) => ({ c, name: countryCell(c.country, c.nameFr, c.nameEn) }));
  // Guarantee figures are per country and month: the report sums the months of its period.
  const byCountry = new Map<string, GuaranteeFigures[]>();
  for (const row of guarantees.rows) if (row.figures) byCountry.set(row.country, [...(byCountry.get(row.country) ?? []), row.figures]);
  const sum = (list: GuaranteeFigures[], key: keyof GuaranteeFigures) => list.reduce((s, f) => s + Number(f[key] ?? 0), 0);
  const guaranteeRow = (name: Cell, list: GuaranteeFigures[] | GuaranteeFigures): Cell[] => {
    const all = Array.isArray(list) ? list : [list];
    const current = sum(all, "currentGuaranteesXof");
    const saving = sum(all, "savingXof");
    return [name, sum(all, "declarations"), sum(all, "guarantees"), sum(all, "cifXof"), current, sum(all, "singleGuaranteeXof"), saving, current > 0 ? saving / current : null];
  };
  const sections: Section[] = [
    {
      title: text("Résumé du mois", "The month in figures"),
      tables: [{ id: "summary", sheet: text("Résumé", "Summary"), title: text("Indicateurs clés et leurs évolutions", "Key indicators and their changes"), columns: COMPARISON_COLUMNS, rows: summary.kpis.map((k) => comparisonRow(text(k.labelFr, k.labelEn), k)), rowKinds: kpiKinds }],
    },
    {
      title: text("Par pays", "By country"),
      intro: text("Volumes comptés à l'enregistrement des déclarations ; délais en heures (médianes et p90) ; recettes douanières au pays qui les a perçues.", "Volumes counted at the declarations' registration; times in hours (medians and p90); customs revenue to the country that collected it."),
      chart: {
        title: text("Tonnes déclarées par pays", "Declared tonnes by country"),
        kind: "tonnes",
        categories: rowsOf.map((r) => r.c.country || text("Non attribué", "Unallocated")),
        series: [
          { label: text("Période", "Period"), values: rowsOf.map((r) => r.c.tonnes.value) },
          { label: text("Période précédente", "Previous period"), values: rowsOf.map((r) => r.c.tonnes.previous) },
          { label: text("Il y a un an", "A year earlier"), values: rowsOf.map((r) => r.c.tonnes.yearAgo) },
        ],
      },
      tables: [
        {
          id: "volumes_by_country",
          sheet: text("Volumes par pays", "Volumes by country"),
          title: text("Volumes par pays", "Volumes by country"),
          columns: [{ id: "country", label: text("Pays", "Country"), kind: "text" }, ...withChanges("tonnes", "Tonnes", "Tonnes", "tonnes"), { id: "teu", label: text("EVP", "TEU"), kind: "integer" }, { id: "declarations", label: text("Déclarations", "Declarations"), kind: "integer" }, { id: "trucks", label: text("Camions", "Trucks"), kind: "integer" }, { id: "cif", label: text("Valeur CAF", "CIF value"), kind: "xof" }],
          rows: rowsOf.map(({ c, name }) => [name, ...changes(c.tonnes), c.teu.value, c.declarations.value, c.trucks.value, c.cifValue.value]),
        },
        {
          id: "times_by_country",
          sheet: text("Délais par pays", "Times by country"),
          title: text("Délais le long du trajet, par pays (heures)", "Times along the journey, by country (hours)"),
          columns: [
            { id: "country", label: text("Pays", "Country"), kind: "text" },
            { id: "portDwellP50", label: text("Séjour port, médiane", "Port dwell, median"), kind: "hours" },
            { id: "portDwellP90", label: text("Séjour port, p90", "Port dwell, p90"), kind: "hours" },
            { id: "customsReleaseP50", label: text("Dédouanement, médiane", "Customs release, median"), kind: "hours" },
            { id: "borderCrossingP50", label: text("Frontière, médiane", "Border crossing, median"), kind: "hours" },
            { id: "corridorTransitP50", label: text("Transit, médiane", "Transit, median"), kind: "hours" },
            { id: "corridorTransitP90", label: text("Transit, p90", "Transit, p90"), kind: "hours" },
            { id: "endToEndP50", label: text("Bout en bout, médiane", "End to end, median"), kind: "hours" },
          ],
          rows: rowsOf.map(({ c, name }) => [name, c.portDwellP50.value, c.portDwellP90.value, c.customsReleaseP50.value, borderP50.get(c.country) ?? null, c.corridorTransitP50.value, c.corridorTransitP90.value, c.endToEndP50.value]),
        },
        {
          id: "revenue_by_country",
          sheet: text("Recettes par pays", "Revenue by country"),
          title: text("Recettes par pays (FCFA)", "Revenue by country (XOF)"),
          columns: [{ id: "country", label: text("Pays", "Country"), kind: "text" }, ...withChanges("customsRevenue", "Recettes douanières", "Customs revenue", "xof"), ...withChanges("portCharges", "Redevances portuaires", "Port charges", "xof"), { id: "guarantees", label: text("Garanties déclarées", "Guarantees declared"), kind: "xof" }],
          rows: rowsOf.map(({ c, name }) => [name, ...changes(c.customsRevenue), ...changes(c.portCharges), c.guarantees.value]),
        },
      ],
    },
    {
      title: text("En tête du mois", "Top of the month"),
      intro: text(`Les ${TOP} premiers postes frontières (par passages), produits (chapitres SH, par valeur CAF) et itinéraires (par camions arrivés).`, `The top ${TOP} border posts (by crossings), commodities (HS chapters, by CIF value) and routes (by trucks arrived).`),
      tables: [
        {
          id: "top_border_posts",
          sheet: text("Postes frontières", "Border posts"),
          title: text("Passages de frontière par poste (sortie > entrée)", "Border crossings by post (exit > entry)"),
          columns: [{ id: "border", label: text("Frontière", "Border"), kind: "text" }, ...withChanges("crossings", "Passages", "Crossings", "integer"), { id: "p50", label: text("Durée, médiane", "Time, median"), kind: "hours" }, { id: "p90", label: text("Durée, p90", "Time, p90"), kind: "hours" }],
          rows: borders.rows.map((r) => [dimensionCell(borders, r, 0), ...changes(cellOf(r.cells, "BORDER_CROSSING", "COUNT")), valueOf(r.cells, "BORDER_CROSSING", "P50"), valueOf(r.cells, "BORDER_CROSSING", "P90")]),
        },
        {
          id: "top_commodities",
          sheet: text("Produits", "Commodities"),
          title: text("Produits en tête (chapitres SH)", "Top commodities (HS chapters)"),
          columns: [{ id: "chapter", label: text("Chapitre SH", "HS chapter"), kind: "text" }, ...withChanges("cif", "Valeur CAF", "CIF value", "xof"), { id: "tonnes", label: text("Tonnes", "Tonnes"), kind: "tonnes" }, { id: "declarations", label: text("Déclarations", "Declarations"), kind: "integer" }],
          rows: commodities.rows.map((r) => [dimensionCell(commodities, r, 0), ...changes(cellOf(r.cells, "CIF_VALUE", "VALUE")), valueOf(r.cells, "TONNES"), valueOf(r.cells, "DECLARATIONS")]),
        },
        {
          id: "top_routes",
          sheet: text("Itinéraires", "Routes"),
          title: text("Itinéraires en tête", "Top routes"),
          columns: [{ id: "route", label: text("Itinéraire", "Route"), kind: "text" }, ...withChanges("trucks", "Camions", "Trucks", "integer"), { id: "transitP50", label: text("Transit, médiane", "Transit, median"), kind: "hours" }, { id: "transitP90", label: text("Transit, p90", "Transit, p90"), kind: "hours" }],
          rows: routes.rows.map((r) => [dimensionCell(routes, r, 0), ...changes(cellOf(r.cells, "TRUCKS", "VALUE")), valueOf(r.cells, "CORRIDOR_TRANSIT", "P50"), valueOf(r.cells, "CORRIDOR_TRANSIT", "P90")]),
        },
      ],
    },
    {
      title: text("Garantie de transit unique", "Single transit guarantee"),
      intro: text(
        `Ce que coûtent aujourd'hui les garanties nationales (${(DEFAULT_GUARANTEE_RATE * 100).toLocaleString("fr-FR")} % de la valeur CAF par pays traversé) et ce que coûterait une garantie unique pour le trajet (vue guaranteeSavings de l'API).`,
        `What national guarantees cost today (${DEFAULT_GUARANTEE_RATE * 100}% of CIF value per country crossed) and what one guarantee for the whole trip would cost (the API's guaranteeSavings view).`,
      ),
      tables: [
        {
          id: "single_guarantee",
          sheet: text("Garantie unique", "Single guarantee"),
          title: text("Garantie unique : économie par pays", "Single guarantee: saving by country"),
          columns: [
            { id: "country", label: text("Pays", "Country"), kind: "text" },
            { id: "declarations", label: text("Déclarations", "Declarations"), kind: "integer" },
            { id: "guarantees", label: text("Garanties prises", "Guarantees taken"), kind: "integer" },
            { id: "cif", label: text("Valeur CAF", "CIF value"), kind: "xof" },
            { id: "current", label: text("Coût actuel", "Current cost"), kind: "xof" },
            { id: "single", label: text("Garantie unique", "Single guarantee"), kind: "xof" },
            { id: "saving", label: text("Économie", "Saving"), kind: "xof" },
            { id: "share", label: text("Part économisée", "Share saved"), kind: "percent" },
          ],
          rows: [...[...byCountry].map(([code, list]) => guaranteeRow(countryCell(code, figures.countries.find((c) => c.country === code)?.nameFr ?? null, figures.countries.find((c) => c.country === code)?.nameEn ?? null), list)), guaranteeRow(text("Ensemble", "All"), guarantees.totals)],
        },
      ],
    },
  ];
  const hasData = ["TONNES", "DECLARATIONS", "TRUCKS", "CUSTOMS_REVENUE", "TEU_HANDLED", "PORT_CHARGES"].some((m) => (kpi(m)?.value ?? null) !== null);
  return {
    highlights: [...highlight("TONNES"), ...highlight("TEU"), ...highlight("TRUCKS"), ...highlight("CUSTOMS_REVENUE"), ...highlight("PORT_DWELL", "P50"), ...highlight("CORRIDOR_TRANSIT", "P50")],
    sections,
    dataAsOf: summary.dataAsOf,
    previousPeriod: summary.previousPeriod,
    yearAgoPeriod: summary.yearAgoPeriod,
    hasData,
    feeds: ["vessel-calls", "container-events", "customs-declarations", "transit-movements", "port-invoices"],
  };
}
