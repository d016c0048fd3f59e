import type { MetricsService, FeedFreshness } from "./metrics-service.js";
import { checkCountries } from "./query/checks.js";
import type { Period } from "./query/period.js";
import type { MetricRequest } from "./query/plan.js";
import type { MetricCell } from "./query/run-metrics.js";
import type { MeasureId, Statistic } from "./registry/measures.js";

interface Figure {
  readonly measure: MeasureId;
  readonly statistic: Statistic;
}

/** The overview's indicators, in the order the dashboard shows them. */
export const OVERVIEW_KPIS: readonly (Figure & { readonly fr: string; readonly en: string })[] = [
  { measure: "TONNES", statistic: "VALUE", fr: "Tonnes déclarées", en: "Declared tonnes" },
  { measure: "TEU", statistic: "VALUE", fr: "EVP déclarés", en: "Declared TEU" },
  { measure: "DECLARATIONS", statistic: "VALUE", fr: "Déclarations", en: "Declarations" },
  { measure: "TRUCKS", statistic: "VALUE", fr: "Camions arrivés", en: "Trucks arrived" },
  { measure: "CIF_VALUE", statistic: "VALUE", fr: "Valeur CAF", en: "CIF value" },
  { measure: "CUSTOMS_REVENUE", statistic: "VALUE", fr: "Recettes douanières", en: "Customs revenue" },
  { measure: "PORT_CHARGES", statistic: "VALUE", fr: "Redevances portuaires", en: "Port charges" },
  { measure: "TEU_HANDLED", statistic: "VALUE", fr: "EVP manutentionnés", en: "TEU handled" },
  { measure: "PORT_DWELL", statistic: "P50", fr: "Séjour portuaire médian", en: "Median port dwell" },
  { measure: "PORT_DWELL", statistic: "P90", fr: "Séjour portuaire P90", en: "Port dwell P90" },
  { measure: "CUSTOMS_RELEASE", statistic: "P50", fr: "Dédouanement médian", en: "Median customs release" },
  { measure: "BORDER_CROSSING", statistic: "P50", fr: "Passage de frontière médian", en: "Median border crossing" },
  { measure: "CORRIDOR_TRANSIT", statistic: "P50", fr: "Transit médian", en: "Median transit" },
  { measure: "CORRIDOR_TRANSIT", statistic: "RELIABILITY", fr: "Fiabilité du transit (p90 ÷ p50)", en: "Transit reliability (p90 ÷ p50)" },
  { measure: "END_TO_END", statistic: "P50", fr: "Bout en bout médian", en: "Median end to end" },
  { measure: "SHIP_WAITING", statistic: "P50", fr: "Attente médiane des navires", en: "Median ship waiting" },
];

/** The per-country figures, by the field names of the GraphQL type. */
export const COUNTRY_FIGURES = {
  tonnes: { measure: "TONNES", statistic: "VALUE" },
  teu: { measure: "TEU", statistic: "VALUE" },
  containers: { measure: "CONTAINERS", statistic: "VALUE" },
  declarations: { measure: "DECLARATIONS", statistic: "VALUE" },
  trucks: { measure: "TRUCKS", statistic: "VALUE" },
  cifValue: { measure: "CIF_VALUE", statistic: "VALUE" },
  guarantees: { measure: "GUARANTEES", statistic: "VALUE" },
  customsRevenue: { measure: "CUSTOMS_REVENUE", statistic: "VALUE" },
  portCharges: { measure: "PORT_CHARGES", statistic: "VALUE" },
  portDwellP50: { measure: "PORT_DWELL", statistic: "P50" },
  portDwellP90: { measure: "PORT_DWELL", statistic: "P90" },
  customsReleaseP50: { measure: "CUSTOMS_RELEASE", statistic: "P50" },
  corridorTransitP50: { measure: "CORRIDOR_TRANSIT", statistic: "P50" },
  corridorTransitP90: { measure: "CORRIDOR_TRANSIT", statistic: "P90" },
  endToEndP50: { measure: "END_TO_END", statistic: "P50" },
} as const satisfies Readonly<Record<string, Figure>>;

export type CountryFigureName = keyof typeof COUNTRY_FIGURES;

/** The statistics each measure needs, grouped so one request asks for each measure once. */
function measureRequests(figures: readonly Figure[]): MetricRequest["measures"] {
  const byMeasure = new Map<MeasureId, Statistic[]>();
  for (const f of figures) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f.statistic].filter((s, i, all) => all.indexOf(s) === i));
  return [...byMeasure].map(([measure, statistics]) => ({ measure, statistics }));
}

const cellOf = (cells: readonly MetricCell[], figure: Figure): MetricCell | undefined => cells.find((c) => c.measure === figure.measure && c.statistic === figure.statistic);

const empty = (figure: Figure, unit: MetricCell["unit"]): MetricCell => ({ ...figure, unit, value: null, previous: null, previousChange: null, yearAgo: null, yearAgoChange: null });

export interface OverviewAnswer {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly yearAgoPeriod: Period;
  readonly kpis: readonly (MetricCell & { labelFr: string; labelEn: string; trend: { bucket: string; value: number | null }[] })[];
  readonly dataAsOf: readonly FeedFreshness[];
}

/** The request shared by the entry points; countries are checked, not only bound: a misspelt code gets an error instead of an empty answer. */
function base(period: Period, timeZone: string, countries: readonly string[] | null) {
  const codes = checkCountries(countries);
  return {
    period,
    timeZone,
    filters: codes.length > 0 ? [{ dimension: "COUNTRY" as const, values: codes, exclude: false }] : [],
    order: [],
    limit: 10_000,
  };
}

/**
 * Every key indicator for a period, compared with the previous period and a
 * year earlier, with its month-by-month trend. Measures that cannot be split
 * by country (ship waiting, TEU handled at the quay) are left out when
 * countries are filtered rather than shown unfiltered.
 */
export async function overview(metrics: MetricsService, period: Period, timeZone: string, countries: readonly string[] | null, scope: string | null): Promise<OverviewAnswer> {
  const filtered = countries != null && countries.length > 0;
  const kpis = OVERVIEW_KPIS.filter((k) => !filtered || !["SHIP_WAITING", "TEU_HANDLED"].includes(k.measure));
  const measures = measureRequests(kpis);
  const [totals, trend] = await Promise.all([
    metrics.run({ ...base(period, timeZone, countries), measures, dimensions: [], grain: "NONE", compare: true }, { tag: "api:overview", scope }),
    metrics.run({ ...base(period, timeZone, countries), measures, dimensions: [], grain: "MONTH", compare: false }, { tag: "api:overview:trend", scope }),
  ]);
  const cells = totals.rows[0]?.cells ?? [];
  return {
    period,
    previousPeriod: totals.previousPeriod as Period,
    yearAgoPeriod: totals.yearAgoPeriod as Period,
    kpis: kpis.map((k) => ({
      ...(cellOf(cells, k) ?? empty(k, "declarations")),
      labelFr: k.fr,
      labelEn: k.en,
      trend: trend.rows.map((row) => ({ bucket: row.bucket as string, value: cellOf(row.cells, k)?.value ?? null })),
    })),
    dataAsOf: totals.dataAsOf,
  };
}

export interface CountryFiguresAnswer {
  readonly period: Period;
  readonly countries: readonly ({ country: string; nameFr: string | null; nameEn: string | null } & Record<CountryFigureName, MetricCell>)[];
  readonly dataAsOf: readonly FeedFreshness[];
}

/** Volumes, times and revenue of each country for a period, with their changes; AES countries first. */
export async function countryFigures(metrics: MetricsService, period: Period, timeZone: string, countries: readonly string[] | null, scope: string | null): Promise<CountryFiguresAnswer> {
  const figures = Object.values(COUNTRY_FIGURES);
  const answer = await metrics.run({ ...base(period, timeZone, countries), measures: measureRequests(figures), dimensions: ["COUNTRY"], grain: "NONE", compare: true }, { tag: "api:country-figures", scope });
  const labels = answer.labels.get("COUNTRY");
  const order = ["BF", "ML", "NE", "TG", "ZZ", ""];
  const rows = [...answer.rows].sort((a, b) => order.indexOf(a.dimensions[0]?.value ?? "") - order.indexOf(b.dimensions[0]?.value ?? ""));
  return {
    period,
    countries: rows.map((row) => {
      const code = row.dimensions[0]?.value ?? "";
      const label = labels?.get(code);
      const named = Object.fromEntries(Object.entries(COUNTRY_FIGURES).map(([name, f]) => [name, cellOf(row.cells, f) ?? empty(f, "declarations")])) as Record<CountryFigureName, MetricCell>;
      return { country: code, nameFr: label?.fr ?? null, nameEn: label?.en ?? null, ...named };
    }),
    dataAsOf: answer.dataAsOf,
  };
}
