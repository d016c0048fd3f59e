import { Suspense, useEffect } from "react";
import { useQuery } from "../../api/use-query";
import { useOptionalAppData } from "../../app/app-data";
import { grainFor } from "../../app/filters";
import { metricFilters, type Registry } from "../../app/metric-filters";
import { useFilters } from "../../app/use-filters";
import { ChartCard } from "../../charts/ChartCard";
import { CategoryBars, preloadCharts, TimeChart } from "../../charts/lazy-charts";
import { byDimension, pivotByDimension, seriesTotals } from "../../charts/series";
import { useMetrics } from "../../charts/use-metrics";
import { DataAsOf } from "../../components/DataAsOf";
import { KpiTile } from "../../components/KpiTile";
import { OverviewDocument, type Measure } from "../../gql/graphql";
import { formatPeriod, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { OVERVIEW_TEXTS } from "./texts";
import { PageHeading } from "../../components/PageHeading";

const AES = ["BF", "ML", "NE"];
// Before the registry arrives the charts wait (skip); the headline figures do not need it.
const EMPTY_REGISTRY: Registry = new Map();
const DURATIONS = new Set<Measure>(["PORT_DWELL", "CUSTOMS_RELEASE", "BORDER_CROSSING", "CORRIDOR_TRANSIT", "END_TO_END", "SHIP_WAITING", "SHIP_TURNAROUND"]);

/** The corridor at a glance: headline figures with their changes and trends, volume by country over time, dwell and revenue by country. */
export function OverviewPage() {
  const { language, t: common, dateTime } = useI18n();
  const t = useTexts(OVERVIEW_TEXTS);
  const [filters] = useFilters();
  const period = { from: filters.from, to: filters.to };
  const overview = useQuery(OverviewDocument, { period, countries: filters.countries.length ? [...filters.countries] : null });
  const when = formatPeriod(filters.from, filters.to, language);
  useEffect(preloadCharts, []);
  return (
    <>
      <PageHeading title={t.heading} when={when} />
      <section aria-labelledby="kpi-title" className="kpis-section">
        <h2 id="kpi-title">{t.figures}</h2>
        {overview.status === "loading" && <p role="status">{common("common.loading")}</p>}
        {overview.status === "error" && (
          <div role="alert" className="notice-error">
            <p>{common("common.error")}</p>
            <button type="button" onClick={overview.retry}>
              {common("common.retry")}
            </button>
          </div>
        )}
        {(overview.status === "success" || overview.status === "stale") && (
          <>
            {overview.data.overview.dataAsOf.every((f) => f.lastEventAt === null) && (
              <div className="notice" role="status">
                <h2>{common("status.empty.title")}</h2>
                <p>{common("status.empty.body")}</p>
              </div>
            )}
            {overview.status === "stale" && (
              <p className="stale-note" role="status">
                {t.stale} {dateTime(overview.savedAt)}
              </p>
            )}
            <DataAsOf feeds={overview.data.overview.dataAsOf} />
            <dl className="kpis">
              {overview.data.overview.kpis.map((k) => (
                <KpiTile
                  key={`${k.measure}-${k.statistic}`}
                  compare={filters.compare}
                  figure={{
                    label: language === "fr" ? k.labelFr : k.labelEn,
                    unit: k.unit,
                    value: k.value,
                    previousChange: k.previousChange,
                    yearAgoChange: k.yearAgoChange,
                    trend: k.trend.map((p) => p.value),
                    higherIsBetter: !DURATIONS.has(k.measure) || k.statistic === "COUNT",
                  }}
                />
              ))}
            </dl>
            {(filters.route || filters.hs || filters.direction) && <p className="chart-note">{t.countryFilterOnly}</p>}
          </>
        )}
      </section>
      <div className="chart-grid">
        <VolumeChart when={when} />
        <DwellChart when={when} />
        <RevenueChart when={when} />
      </div>
    </>
  );
}

function VolumeChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(OVERVIEW_TEXTS);
  const [filters] = useFilters();
  const registry = useOptionalAppData()?.registry ?? EMPTY_REGISTRY;
  const grain = grainFor(filters);
  const applied = metricFilters({ ...filters, countries: filters.countries.length ? filters.countries : AES }, ["TONNES"], registry);
  const { state, result } = useMetrics({ measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"], grain, period: { from: filters.from, to: filters.to }, filters: applied.filters }, { skip: registry === EMPTY_REGISTRY });
  const pivot = result ? pivotByDimension(result.rows, 0, language) : { data: [], series: [] };
  return (
    <ChartCard
      className="wide"
      title={`${t.volumeTitle} — ${when}`}
      subtitle={t.volumeSubtitle}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.summaryVolume} ${seriesTotals(pivot).map((s) => `${s.label} ${formatValue(s.total, "TONNES", language)}`).join(", ")}.`}
      csv={() => ({ header: ["bucket", ...pivot.series.map((s) => s.label)], rows: pivot.data.map((r) => [r.bucket, ...pivot.series.map((s) => r[s.key] as number | null)]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <TimeChart data={pivot.data} series={pivot.series} unit="TONNES" grain={grain} kind="stacked" />
      </Suspense>
    </ChartCard>
  );
}

function DwellChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(OVERVIEW_TEXTS);
  const [filters] = useFilters();
  const registry = useOptionalAppData()?.registry ?? EMPTY_REGISTRY;
  const applied = metricFilters(filters, ["PORT_DWELL"], registry);
  const { state, result } = useMetrics({ measures: [{ measure: "PORT_DWELL", statistics: ["P50", "P90"] }], dimensions: ["COUNTRY"], period: { from: filters.from, to: filters.to }, filters: applied.filters }, { skip: registry === EMPTY_REGISTRY });
  const data = result ? byDimension(result.rows, ["p50", "p90"], language) : [];
  return (
    <ChartCard
      title={`${t.dwellTitle} — ${when}`}
      subtitle={t.dwellSubtitle}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.summaryDwell} ${data.map((d) => `${d.label} ${formatValue(d.p50 as number | null, "HOURS", language)}`).join(", ")}.`}
      csv={() => ({ header: ["country", t.median, t.p90], rows: data.map((d) => [d.key, d.p50 as number | null, d.p90 as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "p50", label: t.median }, { key: "p90", label: t.p90 }]} unit="HOURS" />
      </Suspense>
    </ChartCard>
  );
}

function RevenueChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(OVERVIEW_TEXTS);
  const [filters] = useFilters();
  const registry = useOptionalAppData()?.registry ?? EMPTY_REGISTRY;
  const applied = metricFilters(filters, ["CUSTOMS_REVENUE", "PORT_CHARGES"], registry);
  const { state, result } = useMetrics({ measures: [{ measure: "CUSTOMS_REVENUE" }, { measure: "PORT_CHARGES" }], dimensions: ["COUNTRY"], period: { from: filters.from, to: filters.to }, filters: applied.filters }, { skip: registry === EMPTY_REGISTRY });
  const data = result ? byDimension(result.rows, ["customs", "port"], language) : [];
  return (
    <ChartCard
      title={`${t.revenueTitle} — ${when}`}
      subtitle={t.revenueSubtitle}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.summaryRevenue} ${data.map((d) => `${d.label} ${formatValue(d.customs as number | null, "XOF", language)} ${t.and} ${formatValue(d.port as number | null, "XOF", language)}`).join(", ")}.`}
      csv={() => ({ header: ["country", t.customs, t.portCharges], rows: data.map((d) => [d.key, d.customs as number | null, d.port as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "customs", label: t.customs }, { key: "port", label: t.portCharges }]} unit="XOF" />
      </Suspense>
    </ChartCard>
  );
}
