// The dashboard's queries, as the API benchmark sends them (bench/api-run.ts, bench/api-load.ts):
// one list, each with its GraphQL document and variables. Periods end with the last month of the data.
import { COUNTRY_FIGURES } from "../server/src/metrics/entry-points.js";

export interface DashboardQuery {
  readonly id: string;
  readonly title: string;
  /** Which GraphQL field answers it: the typed entry points, or the general query. */
  readonly field: "overview" | "countryFigures" | "metrics";
  readonly document: string;
  readonly variables: Record<string, unknown>;
}

const CELL = "measure statistic unit value previous previousChange yearAgo yearAgoChange";
const PERIODS = "period { from to } previousPeriod { from to } yearAgoPeriod { from to }";

const OVERVIEW = `query Overview($period: PeriodInput!) {
  overview(period: $period) { ${PERIODS} kpis { ${CELL} labelFr labelEn trend { bucket value } } dataAsOf { feed lastEventAt } }
}`;

const COUNTRY = `query CountryFigures($period: PeriodInput!) {
  countryFigures(period: $period) { period { from to } countries { country nameFr nameEn ${Object.keys(COUNTRY_FIGURES)
    .map((name) => `${name} { ${CELL} }`)
    .join(" ")} } dataAsOf { feed lastEventAt } }
}`;

const METRICS = `query Metrics($query: MetricQueryInput!) {
  metrics(query: $query) { grain timeZone truncated ${PERIODS} sources { measure path table } rows { bucket dimensions { dimension value labelFr labelEn } cells { ${CELL} } } dataAsOf { feed lastEventAt } }
}`;

/** `YYYY-MM-01` shifted by some months. */
function monthStart(month: string, shift: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + shift, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The queries the dashboard sends, for data ending with `lastMonth` (YYYY-MM): the end of every period
 * is the first day after that month, as the dashboard's "last 12 months" on the day after a month closes.
 */
export function dashboardQueries(lastMonth: string): DashboardQuery[] {
  const end = monthStart(lastMonth, 1);
  const endMonth = Number(end.slice(5, 7));
  // The last complete calendar quarter.
  const quarterEnd = monthStart(end.slice(0, 7), -((endMonth - 1) % 3));
  const quarter = { from: monthStart(quarterEnd.slice(0, 7), -3), to: quarterEnd };
  const months = (n: number) => ({ from: monthStart(end.slice(0, 7), -n), to: end });
  const metrics = (query: Record<string, unknown>) => ({ field: "metrics" as const, document: METRICS, variables: { query: { timeZone: "Africa/Lome", ...query } } });
  return [
    { id: "overview-12m", title: "overview, last 12 months (compared, monthly trend)", field: "overview", document: OVERVIEW, variables: { period: months(12) } },
    { id: "country-figures-quarter", title: "countryFigures, last quarter (compared)", field: "countryFigures", document: COUNTRY, variables: { period: quarter } },
    {
      id: "volumes-country-month-3y",
      title: "TONNES+TEU+DECLARATIONS by COUNTRY by MONTH, 3 years",
      ...metrics({ measures: [{ measure: "TONNES" }, { measure: "TEU" }, { measure: "DECLARATIONS" }], dimensions: ["COUNTRY"], grain: "MONTH", period: months(36) }),
    },
    {
      id: "dwell-country-month-12m",
      title: "PORT_DWELL P50/P90 by COUNTRY by MONTH, 12 months",
      ...metrics({ measures: [{ measure: "PORT_DWELL", statistics: ["P50", "P90"] }], dimensions: ["COUNTRY"], grain: "MONTH", period: months(12) }),
    },
    {
      id: "transit-route-month-12m",
      title: "CORRIDOR_TRANSIT P50/P90/RELIABILITY by ROUTE by MONTH, 12 months",
      ...metrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90", "RELIABILITY"] }], dimensions: ["ROUTE"], grain: "MONTH", period: months(12) }),
    },
    {
      id: "revenue-country-tax-quarter-3y",
      title: "CUSTOMS_REVENUE by COUNTRY and TAX_CODE by QUARTER, 3 years",
      ...metrics({ measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["COUNTRY", "TAX_CODE"], grain: "QUARTER", period: months(36) }),
    },
    {
      id: "border-week-6m",
      title: "BORDER_CROSSING P50/P90 by BORDER by WEEK, 6 months",
      ...metrics({ measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90"] }], dimensions: ["BORDER"], grain: "WEEK", period: months(6) }),
    },
  ];
}

/** One GraphQL call over HTTP; resolves with the status and the parsed body. */
export async function postGraphql(url: string, cookie: string, query: DashboardQuery): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(new URL("graphql", url), {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: query.document, variables: query.variables }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP_${response.status}` } }] };
  }
  return { status: response.status, body };
}
