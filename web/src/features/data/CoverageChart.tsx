import { useEffect, useRef, useState, type RefObject } from "react";
import { useAppData } from "../../app/app-data";
import { grainFor } from "../../app/filters";
import { metricFilters } from "../../app/metric-filters";
import { useFilters } from "../../app/use-filters";
import { ChartCard, type ChartState } from "../../charts/ChartCard";
import { useMetrics } from "../../charts/use-metrics";
import type { DataStatusQuery } from "../../gql/graphql";
import { formatBucket, formatInteger, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { COVERAGE_MEASURES, coverageOf, type Coverage } from "./coverage";
import { DATA_TEXTS } from "./texts";

type FeedInfo = DataStatusQuery["warehouse"]["feeds"][number];

const FILLED = "#0072B2";
const EMPTY_STROKE = "#8a94a3";

/** Which periods hold data, feed by feed, over the chosen period: gaps in a feed show as empty cells. */
export function CoverageChart({ when, feeds }: { when: string; feeds: readonly FeedInfo[] }) {
  const { language } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const measures = COVERAGE_MEASURES.map((m) => m.measure);
  const applied = metricFilters(filters, measures, registry);
  const { state, result } = useMetrics({ measures: measures.map((measure) => ({ measure })), grain, period: { from: filters.from, to: filters.to }, filters: applied.filters });
  const coverage = result ? coverageOf(result.rows) : { buckets: [], lines: [] };
  const nameOf = (feed: string) => {
    const info = feeds.find((f) => f.feed === feed);
    return info ? (language === "fr" ? info.nameFr : info.nameEn) : feed;
  };
  const shown: ChartState = state.status === "empty" ? { status: "empty", message: t.coverageEmpty } : state;
  const summary = `${t.coverageSummary} ${coverage.lines.map((l) => `${nameOf(l.feed)} ${l.covered} ${t.coverageOf} ${coverage.buckets.length}`).join(", ")}.`;
  return (
    <div className="coverage wide">
      <ChartCard
        title={`${t.coverageTitle} — ${when}`}
        subtitle={t.coverageSubtitle}
        state={shown}
        notApplied={applied.notApplied}
        summary={summary}
        csv={() => ({ header: ["bucket", ...coverage.lines.map((l) => `${nameOf(l.feed)} (${l.measure})`)], rows: coverage.buckets.map((b, i) => [b, ...coverage.lines.map((l) => l.values[i] ?? null)]) })}
      >
        <CoverageStrips coverage={coverage} grain={grain} nameOf={nameOf} />
      </ChartCard>
      {shown.status === "ready" && (
        <div className="table-scroll coverage-details">
          <table className="coverage-table stack-table">
            <caption>{t.coverageCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.feed}</th>
                <th scope="col" className="num">
                  {t.coverageCovered}
                </th>
                <th scope="col" className="num">
                  {t.coverageTotal}
                </th>
                <th scope="col">{t.coverageGap}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.lines.map((line) => (
                <tr key={line.feed} data-feed={line.feed}>
                  <th scope="row">{nameOf(line.feed)}</th>
                  <td className="num" data-label={t.coverageCovered} data-field="covered">
                    {`${formatInteger(line.covered, language)} / ${formatInteger(coverage.buckets.length, language)}`}
                  </td>
                  <td className="num" data-label={t.coverageTotal} data-field="total">
                    {formatValue(line.total, line.unit, language)}
                  </td>
                  <td data-label={t.coverageGap}>{line.longestGap ? `${formatBucket(line.longestGap.from, grain, language)} → ${formatBucket(line.longestGap.to, grain, language)} (${formatInteger(line.longestGap.buckets, language)})` : t.coverageNone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The container's width in pixels, so the drawing keeps readable text at any width instead of scaling it. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || 600);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function CoverageStrips({ coverage, grain, nameOf }: { coverage: Coverage; grain: string; nameOf: (feed: string) => string }) {
  const { language } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const [ref, width] = useWidth();
  const n = Math.max(coverage.buckets.length, 1);
  const cell = width / n;
  const rowHeight = 40;
  const stripHeight = 18;
  const top = 4;
  const axisY = top + coverage.lines.length * rowHeight + 14;
  const legendY = axisY + 22;
  const height = legendY + 16;
  const ticks = n <= 1 ? [0] : [0, Math.floor((n - 1) / 2), n - 1];
  return (
    <div ref={ref} className="coverage-strips">
      <svg width={width} height={height} role="presentation" fontSize={12}>
        {coverage.lines.map((line, row) => {
          const y = top + row * rowHeight;
          return (
            <g key={line.feed}>
              <text x={0} y={y + 12} fill="#1c2430">
                {nameOf(line.feed)}
              </text>
              {line.values.map((value, i) => (
                <rect key={coverage.buckets[i]} x={i * cell + 0.5} y={y + 16} width={Math.max(cell - 1, 0.5)} height={stripHeight} fill={value === null ? "#ffffff" : FILLED} stroke={value === null ? EMPTY_STROKE : FILLED} strokeWidth={value === null ? 0.75 : 0}>
                  <title>{`${nameOf(line.feed)}, ${formatBucket(coverage.buckets[i] as string, grain, language)}${language === "fr" ? " : " : ": "}${formatValue(value, line.unit, language)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
        {ticks.map((i, k) => (
          <text key={i} x={k === 0 ? 0 : k === ticks.length - 1 ? width : i * cell + cell / 2} y={axisY} textAnchor={k === 0 ? "start" : k === ticks.length - 1 ? "end" : "middle"} fill="#5a6472">
            {coverage.buckets[i] ? formatBucket(coverage.buckets[i] as string, grain, language) : ""}
          </text>
        ))}
        <rect x={0} y={legendY - 10} width={12} height={12} fill={FILLED} />
        <text x={18} y={legendY} fill="#1c2430">
          {t.coverageWith}
        </text>
        <rect x={120} y={legendY - 10} width={12} height={12} fill="#ffffff" stroke={EMPTY_STROKE} />
        <text x={138} y={legendY} fill="#1c2430">
          {t.coverageWithout}
        </text>
      </svg>
    </div>
  );
}
