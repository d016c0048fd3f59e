import { Suspense, useMemo } from "react";
import { useAppData } from "../../app/app-data";
import { grainFor } from "../../app/filters";
import { metricFilters } from "../../app/metric-filters";
import { useFilters } from "../../app/use-filters";
import { ChartCard, type ChartState } from "../../charts/ChartCard";
import { CategoryBars, TimeChart } from "../../charts/lazy-charts";
import { pivotByDimension, seriesTotal } from "../../charts/series";
import { DataAsOf } from "../../components/DataAsOf";
import { KpiTile } from "../../components/KpiTile";
import type { MeasureInput } from "../../gql/graphql";
import { formatBucket, formatPeriod, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { NotApplied, scopeNote } from "../revenue/parts";
import { TableCard } from "../../components/TableCard";
import { useScopedMetrics } from "../revenue/use-scoped-metrics";
import { DwellHistogramCard } from "./DwellHistogramCard";
import { DwellLadder } from "./lazy";
import { cellsOverTime, dwellLadder, pivotByDimensions, terminalFigures } from "./shape";
import { PORT_TEXTS } from "./texts";
import "./port.css";
import { PageHeading } from "../../components/PageHeading";

/** The cells of the terminal query, in the order of TERMINAL_CELLS (shape.ts). */
const TERMINAL_MEASURES: MeasureInput[] = [
  { measure: "SHIP_CALLS" },
  { measure: "SHIP_WAITING", statistics: ["P50", "P90", "RELIABILITY"] },
  { measure: "SHIP_TURNAROUND", statistics: ["P50", "P90", "RELIABILITY"] },
  { measure: "TEU_HANDLED" },
];

/**
 * Port: ship waiting and turnaround (by terminal and over time, with their
 * reliability), calls and TEU handled by terminal, move and trade, and how
 * long containers stay (the dwell histogram and its percentiles by terminal).
 */
export default function PortPage() {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const when = formatPeriod(filters.from, filters.to, language);
  return (
    <>
      <PageHeading title={t.heading} when={when} />
      <PortKpis />
      <div className="chart-grid">
        <ShipTimesCharts when={when} />
        <TerminalShips when={when} />
        <HandlingCharts when={when} />
        <TeuByMoveChart when={when} />
        <DwellHistogramCard when={when} />
        <DwellLadderCard when={when} />
      </div>
    </>
  );
}

function PortKpis() {
  const { t: common } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const period = { from: filters.from, to: filters.to };
  // Port-wide figures take no filter of the bar; the dwell takes country and route.
  const wide = useScopedMetrics({ measures: [{ measure: "SHIP_CALLS" }, { measure: "TEU_HANDLED" }, { measure: "SHIP_WAITING", statistics: ["P50"] }, { measure: "SHIP_TURNAROUND", statistics: ["P50"] }], period, compare: filters.compare });
  const dwellFilters = metricFilters(filters, ["PORT_DWELL"], registry);
  const dwell = useScopedMetrics({ measures: [{ measure: "PORT_DWELL", statistics: ["P50"] }], period, filters: dwellFilters.filters, compare: filters.compare });
  const loading = wide.state.status === "loading" || dwell.state.status === "loading";
  const failed = [wide, dwell].find((a) => a.state.status === "error");
  const cells = [...(wide.result?.rows[0]?.cells ?? []), ...(dwell.result?.rows[0]?.cells ?? [])];
  const tiles = [
    { label: t.kpiCalls, unit: "CALLS", higherIsBetter: true },
    { label: t.kpiTeu, unit: "TEU", higherIsBetter: true },
    { label: t.kpiWaiting, unit: "HOURS", higherIsBetter: false },
    { label: t.kpiTurnaround, unit: "HOURS", higherIsBetter: false },
    { label: t.kpiDwell, unit: "HOURS", higherIsBetter: false },
  ];
  const dataAsOf = wide.result?.dataAsOf ?? dwell.result?.dataAsOf ?? null;
  return (
    <section aria-labelledby="port-kpi-title" className="kpis-section">
      <h2 id="port-kpi-title">{t.figures}</h2>
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
          {tiles.map((tile, i) => {
            const cell = cells[i];
            return (
              <KpiTile
                key={tile.label}
                compare={filters.compare}
                figure={{ label: tile.label, unit: tile.unit, value: cell?.value ?? null, previousChange: cell?.previousChange ?? null, yearAgoChange: cell?.yearAgoChange ?? null, trend: [], higherIsBetter: tile.higherIsBetter }}
              />
            );
          })}
        </dl>
      )}
      <p className="chart-note">{t.kpiNote}</p>
      {dwellFilters.notApplied.length > 0 && <NotApplied dimensions={dwellFilters.notApplied} label={t.kpiNotApplied} />}
      {dwell.narrowedTo && <p className="chart-note">{t.scopeNarrowed.replaceAll("{c}", dwell.narrowedTo)}</p>}
    </section>
  );
}

/** Waiting and turnaround over time (P50, P90), and their reliability: one question, two charts. */
function ShipTimesCharts({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const applied = metricFilters(filters, ["SHIP_WAITING", "SHIP_TURNAROUND"], registry);
  const { state, result } = useScopedMetrics({
    measures: [
      { measure: "SHIP_WAITING", statistics: ["P50", "P90", "RELIABILITY"] },
      { measure: "SHIP_TURNAROUND", statistics: ["P50", "P90", "RELIABILITY"] },
    ],
    grain,
    period: { from: filters.from, to: filters.to },
    filters: applied.filters,
  });
  const data = useMemo(() => (result ? cellsOverTime(result.rows, ["waitP50", "waitP90", "waitRel", "turnP50", "turnP90", "turnRel"]) : []), [result]);
  const times = [
    { key: "waitP50", label: t.waitP50 },
    { key: "waitP90", label: t.waitP90 },
    { key: "turnP50", label: t.turnP50 },
    { key: "turnP90", label: t.turnP90 },
  ];
  const reliability = [
    { key: "waitRel", label: t.waitReliability },
    { key: "turnRel", label: t.turnReliability },
  ];
  const present = (key: string) => data.filter((r) => r[key] !== null);
  const sentence = (series: { key: string; label: string }[], unit: string) =>
    series
      .map((s) => `${s.label}${language === "fr" ? " :" : ":"} ${present(s.key)
        .map((r) => `${formatBucket(r.bucket, grain, language)} ${formatValue(r[s.key] as number, unit, language)}`)
        .join(", ")}`)
      .join(" ; ");
  const csv = (series: { key: string; label: string }[]) => () => ({ header: ["bucket", ...series.map((s) => s.label)], rows: data.map((r) => [r.bucket, ...series.map((s) => r[s.key] as number | null)]) });
  return (
    <>
      <ChartCard className="wide" title={`${t.timesTitle} — ${when}`} subtitle={t.timesSubtitle} state={state} notApplied={applied.notApplied} summary={`${t.timesSummary} ${sentence(times.filter((s) => s.key.endsWith("P50")), "HOURS")}.`} csv={csv(times)}>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <TimeChart data={data} series={times} unit="HOURS" grain={grain} kind="line" />
        </Suspense>
      </ChartCard>
      <ChartCard title={`${t.reliabilityTitle} — ${when}`} subtitle={t.reliabilitySubtitle} state={state} notApplied={applied.notApplied} summary={`${t.reliabilitySummary} ${sentence(reliability, "RATIO")}.`} csv={csv(reliability)}>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <TimeChart data={data} series={reliability} unit="RATIO" grain={grain} kind="line" />
        </Suspense>
      </ChartCard>
    </>
  );
}

/** Per terminal: waiting and turnaround (chart), and every figure of the terminal (table). */
function TerminalShips({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const applied = metricFilters(filters, ["SHIP_CALLS", "SHIP_WAITING", "SHIP_TURNAROUND", "TEU_HANDLED"], registry);
  const { state, result } = useScopedMetrics({ measures: TERMINAL_MEASURES, dimensions: ["TERMINAL"], period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const rows = useMemo(() => (result ? terminalFigures(result.rows, language) : []), [result, language]);
  const hours = (v: number | null) => formatValue(v, "HOURS", language);
  const ratio = (v: number | null) => formatValue(v, "RATIO", language);
  const tableTitle = `${t.tableTitle} — ${when}`;
  const columns = [
    { key: "calls", label: t.calls, unit: "CALLS" },
    { key: "waitP50", label: t.waitingP50, unit: "HOURS" },
    { key: "waitP90", label: t.waitingP90, unit: "HOURS" },
    { key: "waitReliability", label: t.waitingRel, unit: "RATIO" },
    { key: "turnP50", label: t.turnaroundP50, unit: "HOURS" },
    { key: "turnP90", label: t.turnaroundP90, unit: "HOURS" },
    { key: "turnReliability", label: t.turnaroundRel, unit: "RATIO" },
    { key: "teu", label: t.teu, unit: "TEU" },
  ];
  const csv = () => ({ header: ["terminal", "name", ...columns.map((c) => c.label)], rows: rows.map((r) => [r.key, r.label, ...columns.map((c) => r[c.key] as number | null)]) });
  return (
    <>
      <ChartCard
        title={`${t.terminalsTitle} — ${when}`}
        subtitle={t.terminalsSubtitle}
        state={state}
        notApplied={applied.notApplied}
        summary={`${t.terminalsSummary} ${rows.map((r) => `${r.label} ${hours(r.waitP50)} / ${hours(r.turnP50)}`).join(", ")}.`}
        csv={csv}
      >
        <Suspense fallback={<div className="chart-placeholder" />}>
          <CategoryBars
            data={rows}
            series={[
              { key: "waitP50", label: t.waitP50 },
              { key: "waitP90", label: t.waitP90 },
              { key: "turnP50", label: t.turnP50 },
              { key: "turnP90", label: t.turnP90 },
            ]}
            unit="HOURS"
            horizontal
            height={Math.max(200, rows.length * 86 + 90)}
          />
        </Suspense>
      </ChartCard>
      {state.status === "ready" && rows.length > 0 && (
        <TableCard id="terminal-table-title" title={tableTitle} level={2} downloadLabel={t.csv} csv={csv}>
          <table className="figures" data-table="terminals">
            <caption>{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.terminal}</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="num">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-terminal={r.key}>
                  <th scope="row">{r.label}</th>
                  {columns.map((c) => (
                    <td key={c.key} className="num" data-field={c.key}>
                      {c.unit === "HOURS" ? hours(r[c.key] as number | null) : c.unit === "RATIO" ? ratio(r[c.key] as number | null) : formatValue(r[c.key] as number | null, c.unit, language)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableCard>
      )}
    </>
  );
}

/** TEU handled and ship calls per terminal over time: one question, two charts. */
function HandlingCharts({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const applied = metricFilters(filters, ["TEU_HANDLED", "SHIP_CALLS"], registry);
  const { state, result } = useScopedMetrics({ measures: [{ measure: "TEU_HANDLED" }, { measure: "SHIP_CALLS" }], dimensions: ["TERMINAL"], grain, period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const teu = useMemo(() => (result ? pivotByDimension(result.rows, 0, language) : { data: [], series: [] }), [result, language]);
  const calls = useMemo(() => (result ? pivotByDimension(result.rows, 1, language) : { data: [], series: [] }), [result, language]);
  const teuState: ChartState = state.status === "ready" && teu.series.every((s) => seriesTotal(teu.data, s.key) === null) ? { status: "empty" } : state;
  const callState: ChartState = state.status === "ready" && calls.series.every((s) => seriesTotal(calls.data, s.key) === null) ? { status: "empty", message: t.empty } : state;
  const totals = (pivot: typeof teu, unit: string) => pivot.series.map((s) => `${s.label} ${formatValue(seriesTotal(pivot.data, s.key), unit, language)}`).join(", ");
  const csv = (pivot: typeof teu) => () => ({ header: ["bucket", ...pivot.series.map((s) => s.label)], rows: pivot.data.map((r) => [r.bucket, ...pivot.series.map((s) => r[s.key] as number | null)]) });
  return (
    <>
      <ChartCard title={`${t.teuTerminalTitle} — ${when}`} subtitle={t.teuTerminalSubtitle} state={teuState} notApplied={applied.notApplied} summary={`${t.teuTerminalSummary} ${totals(teu, "TEU")}.`} csv={csv(teu)}>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <TimeChart data={teu.data} series={teu.series} unit="TEU" grain={grain} kind="stacked" />
        </Suspense>
      </ChartCard>
      <ChartCard title={`${t.callsTitle} — ${when}`} subtitle={t.callsSubtitle} state={callState} notApplied={applied.notApplied} summary={`${t.callsSummary} ${totals(calls, "CALLS")}.`} csv={csv(calls)}>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <TimeChart data={calls.data} series={calls.series} unit="CALLS" grain={grain} kind="stacked" />
        </Suspense>
      </ChartCard>
    </>
  );
}

function TeuByMoveChart({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const applied = metricFilters(filters, ["TEU_HANDLED"], registry);
  const { state, result } = useScopedMetrics({ measures: [{ measure: "TEU_HANDLED" }], dimensions: ["MOVE", "TRADE"], grain, period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const pivot = useMemo(() => (result ? pivotByDimensions(result.rows, 0, language) : { data: [], series: [] }), [result, language]);
  return (
    <ChartCard
      className="wide"
      title={`${t.teuMoveTitle} — ${when}`}
      subtitle={t.teuMoveSubtitle}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.teuMoveSummary} ${pivot.series.map((s) => `${s.label} ${formatValue(seriesTotal(pivot.data, s.key), "TEU", language)}`).join(", ")}.`}
      csv={() => ({ header: ["bucket", ...pivot.series.map((s) => s.label)], rows: pivot.data.map((r) => [r.bucket, ...pivot.series.map((s) => r[s.key] as number | null)]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <TimeChart data={pivot.data} series={pivot.series} unit="TEU" grain={grain} kind="stacked" />
      </Suspense>
    </ChartCard>
  );
}

/** The percentile ladder (P50, P90, P95) of the whole port and of each terminal, from the general query. */
function DwellLadderCard({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const applied = metricFilters(filters, ["PORT_DWELL"], registry);
  const measures: MeasureInput[] = [{ measure: "PORT_DWELL", statistics: ["COUNT", "P50", "P90", "P95"] }];
  const period = { from: filters.from, to: filters.to };
  const whole = useScopedMetrics({ measures, period, filters: applied.filters });
  const split = useScopedMetrics({ measures, dimensions: ["TERMINAL"], period, filters: applied.filters });
  const rows = useMemo(() => (whole.result && split.result ? dwellLadder(whole.result.rows[0] ?? null, split.result.rows, t.wholePort, language) : []), [whole.result, split.result, t.wholePort, language]);
  const failed = [whole.state, split.state].find((s) => s.status === "error");
  const stale = [whole.state, split.state].map((s) => (s.status === "ready" ? s.staleSince : null)).find(Boolean) ?? null;
  const state: ChartState = failed ?? (whole.state.status === "loading" || split.state.status === "loading" ? { status: "loading" } : rows.length ? { status: "ready", staleSince: stale } : { status: "empty" });
  const hours = (v: number | null) => formatValue(v, "HOURS", language);
  const narrowedTo = split.narrowedTo ?? whole.narrowedTo;
  return (
    <ChartCard
      className="wide"
      title={`${t.ladderTitle} — ${when}`}
      subtitle={`${t.ladderSubtitle}${scopeNote(t.scopeNarrowed, narrowedTo)}`}
      state={state}
      notApplied={applied.notApplied}
      summary={`${t.ladderSummary} ${rows.map((r) => `${r.label} ${hours(r.p50)}, ${hours(r.p90)}, ${hours(r.p95)}`).join(" ; ")}.`}
      csv={() => ({ header: ["terminal", "name", t.containers, t.p50, t.p90, t.p95], rows: rows.map((r) => [r.key, r.label, r.count, r.p50, r.p90, r.p95]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <DwellLadder data={rows} labels={{ toP50: t.toP50, toP90: t.toP90, toP95: t.toP95, count: t.count }} />
      </Suspense>
    </ChartCard>
  );
}
