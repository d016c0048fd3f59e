import { Suspense, useMemo } from "react";
import { useAppData } from "../../app/app-data";
import { grainFor } from "../../app/filters";
import { metricFilters } from "../../app/metric-filters";
import { useFilters } from "../../app/use-filters";
import { ChartCard } from "../../charts/ChartCard";
import { CategoryBars, TimeChart } from "../../charts/lazy-charts";
import { byDimension, pivotByDimension } from "../../charts/series";
import type { MetricsResult } from "../../charts/use-metrics";
import { DataAsOf } from "../../components/DataAsOf";
import { KpiTile } from "../../components/KpiTile";
import type { Measure } from "../../gql/graphql";
import { formatPeriod, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { GuaranteeSection } from "./GuaranteeSection";
import { NotApplied, scopeNote } from "./parts";
import { crossTab } from "./shape";
import { TariffSection } from "./TariffSection";
import { REVENUE_TEXTS } from "./texts";
import { useScopedMetrics } from "./use-scoped-metrics";
import "./revenue.css";
import { PageHeading } from "../../components/PageHeading";

/**
 * Recettes: customs revenue and port charges by country, tax code, fee code
 * and time; the two policy views of the API (single transit guarantee,
 * common-external-tariff scenario).
 */
export default function RevenuePage() {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const when = formatPeriod(filters.from, filters.to, language);
  return (
    <>
      <PageHeading title={t.heading} when={when} />
      <RevenueKpis />
      <div className="chart-grid">
        <CustomsByCountryChart when={when} />
        <CustomsByTaxChart when={when} />
        <PortChargesChart when={when} />
      </div>
      <GuaranteeSection when={when} />
      <TariffSection when={when} />
    </>
  );
}

function useKpi(measure: Measure) {
  const [filters] = useFilters();
  const { registry } = useAppData();
  const applied = metricFilters(filters, [measure], registry);
  const answer = useScopedMetrics({ measures: [{ measure }], period: { from: filters.from, to: filters.to }, filters: applied.filters, compare: filters.compare });
  return { ...answer, notApplied: applied.notApplied };
}

const cellOf = (result: MetricsResult | null) => result?.rows[0]?.cells[0] ?? null;

function RevenueKpis() {
  const { t: common } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const customs = useKpi("CUSTOMS_REVENUE");
  const port = useKpi("PORT_CHARGES");
  const dataAsOf = customs.result?.dataAsOf ?? port.result?.dataAsOf ?? null;
  const failed = [customs, port].find((k) => k.state.status === "error");
  const loading = customs.state.status === "loading" || port.state.status === "loading";
  const tiles = [
    { id: "customs", label: t.kpiCustoms, answer: customs },
    { id: "port", label: t.kpiPort, answer: port },
  ];
  const notApplied = [...new Set([...customs.notApplied, ...port.notApplied])];
  return (
    <section aria-labelledby="revenue-kpi-title" className="kpis-section">
      <h2 id="revenue-kpi-title">{t.figures}</h2>
      {dataAsOf && <DataAsOf feeds={dataAsOf} />}
      {loading && <p role="status">{common("common.loading")}</p>}
      {failed && failed.state.status === "error" && (
        <div role="alert" className="notice-error">
          <p>{common("common.error")}</p>
          <button type="button" onClick={failed.state.retry}>
            {common("common.retry")}
          </button>
        </div>
      )}
      {!loading && !failed && (
        <dl className="kpis">
          {tiles.map(({ id, label, answer }) => {
            const cell = cellOf(answer.result);
            return (
              <KpiTile key={id} compare={filters.compare} figure={{ label, unit: "XOF", value: cell?.value ?? null, previousChange: cell?.previousChange ?? null, yearAgoChange: cell?.yearAgoChange ?? null, trend: [], higherIsBetter: true }} />
            );
          })}
        </dl>
      )}
      <p className="chart-note">{t.kpiNote}</p>
      {notApplied.length > 0 && <NotApplied dimensions={notApplied} label={t.kpiNotApplied} />}
      {(customs.narrowedTo ?? port.narrowedTo) && <p className="chart-note">{t.scopeNarrowed.replaceAll("{c}", (customs.narrowedTo ?? port.narrowedTo) as string)}</p>}
    </section>
  );
}

function CustomsByCountryChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const applied = metricFilters(filters, ["CUSTOMS_REVENUE"], registry);
  const { state, result, narrowedTo } = useScopedMetrics({ measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["COUNTRY"], grain, period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const pivot = useMemo(() => (result ? pivotByDimension(result.rows, 0, language) : { data: [], series: [] }), [result, language]);
  const totals = pivot.series.map((s) => ({ label: s.label, total: pivot.data.reduce((sum, r) => sum + ((r[s.key] as number | null) ?? 0), 0) }));
  return (
    <ChartCard
      className="wide"
      title={`${t.byCountryTitle} — ${when}`}
      subtitle={`${t.byCountrySubtitle}${scopeNote(t.scopeNarrowed, narrowedTo)}`}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.byCountrySummary} ${totals.map((s) => `${s.label} ${formatValue(s.total, "XOF", language)}`).join(", ")}.`}
      csv={() => ({ header: ["bucket", ...pivot.series.map((s) => s.label)], rows: pivot.data.map((r) => [r.bucket, ...pivot.series.map((s) => r[s.key] as number | null)]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <TimeChart data={pivot.data} series={pivot.series} unit="XOF" grain={grain} kind="stacked" />
      </Suspense>
    </ChartCard>
  );
}

function CustomsByTaxChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const applied = metricFilters(filters, ["CUSTOMS_REVENUE"], registry);
  const { state, result, narrowedTo } = useScopedMetrics({
    measures: [{ measure: "CUSTOMS_REVENUE" }],
    dimensions: ["TAX_CODE"],
    period: { from: filters.from, to: filters.to },
    filters: applied.filters,
    orderBy: [{ measure: "CUSTOMS_REVENUE", descending: true }],
  });
  const data = result ? byDimension(result.rows, ["value"], language) : [];
  return (
    <ChartCard
      title={`${t.byTaxTitle} — ${when}`}
      subtitle={`${t.byTaxSubtitle}${scopeNote(t.scopeNarrowed, narrowedTo)}`}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.byTaxSummary} ${data.map((d) => `${d.label} (${d.key}) ${formatValue(d.value as number | null, "XOF", language)}`).join(", ")}.`}
      csv={() => ({ header: ["tax_code", "name", t.value], rows: data.map((d) => [d.key, d.label, d.value as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "value", label: t.byTaxTitle }]} unit="XOF" horizontal />
      </Suspense>
    </ChartCard>
  );
}

function PortChargesChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const applied = metricFilters(filters, ["PORT_CHARGES"], registry);
  const { state, result, narrowedTo } = useScopedMetrics({ measures: [{ measure: "PORT_CHARGES" }], dimensions: ["FEE_CODE", "COUNTRY"], period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const table = useMemo(() => (result ? crossTab(result.rows, language) : { data: [], series: [] }), [result, language]);
  return (
    <ChartCard
      title={`${t.chargesTitle} — ${when}`}
      subtitle={`${t.chargesSubtitle}${scopeNote(t.scopeNarrowed, narrowedTo)}`}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.chargesSummary} ${table.data
        .map((d) =>
          table.series
            .filter((s) => d[s.key] !== null)
            .map((s) => `${d.label}, ${s.label} ${formatValue(d[s.key] as number | null, "XOF", language)}`)
            .join("; "),
        )
        .join("; ")}.`}
      csv={() => ({ header: ["fee_code", "name", ...table.series.map((s) => s.label)], rows: table.data.map((d) => [d.key, d.label, ...table.series.map((s) => d[s.key] as number | null)]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={table.data} series={table.series} unit="XOF" horizontal height={Math.max(200, table.data.length * (18 * table.series.length + 14) + 90)} />
      </Suspense>
    </ChartCard>
  );
}
