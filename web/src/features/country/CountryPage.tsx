import { Suspense, useEffect } from "react";
import { useQuery } from "../../api/use-query";
import { useAppData } from "../../app/app-data";
import type { Filters } from "../../app/filters";
import { metricFilters } from "../../app/metric-filters";
import { Link, navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { ChartCard } from "../../charts/ChartCard";
import { CategoryBars } from "../../charts/lazy-charts";
import { useMetrics } from "../../charts/use-metrics";
import { DataAsOf } from "../../components/DataAsOf";
import { KpiTile } from "../../components/KpiTile";
import { CountryFiguresDocument, type Measure, type MetricQueryInput } from "../../gql/graphql";
import { formatInteger, formatPeriod, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import {
  COUNTRY_NAMES,
  commodityMeasureOf,
  countryOfPath,
  countryPath,
  countryTiles,
  explainForbidden,
  JOURNEY,
  JOURNEY_STATISTICS,
  journeyStages,
  labelledRows,
  PAGE_COUNTRIES,
  shortCrossing,
  withCommodityMeasure,
  type CommodityMeasure,
  type LabelledRow,
  type PageCountry,
  type TileField,
} from "./country-data";
import { COUNTRY_TEXTS } from "./texts";
import "./country.css";
import { PageHeading } from "../../components/PageHeading";

type Texts = Record<keyof (typeof COUNTRY_TEXTS)["fr"], string>;

/** What every chart of the page shares: the country, the view's filters with the country put in, the period's words, the refusal's explanation. */
interface Context {
  readonly country: PageCountry;
  readonly filters: Filters;
  readonly when: string;
  readonly forbidden: string;
}

/** One country on the corridor: headline figures, the journey stage by stage, commodities, routes and borders, revenue by tax, top consignees. */
export default function CountryPage() {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const place = usePlace();
  const [filters] = useFilters();
  const { state: session } = useSession();
  const scope = session.status === "signed-in" ? session.user.country : null;
  const fromPath = countryOfPath(place.path);
  const country: PageCountry = fromPath ?? PAGE_COUNTRIES.find((c) => c === scope) ?? "BF";
  // /pays alone (or an unknown code) becomes the address of the country shown, so a link reproduces it.
  useEffect(() => {
    if (fromPath === null) navigate(countryPath(country), new URLSearchParams(window.location.search), { replace: true });
  }, [fromPath, country]);
  const when = formatPeriod(filters.from, filters.to, language);
  const context: Context = {
    country,
    filters: { ...filters, countries: [country] },
    when,
    forbidden: t.forbidden.replaceAll("{scope}", scope ?? "—").replaceAll("{country}", COUNTRY_NAMES[country]),
  };
  const otherCountries = filters.countries.some((c) => c !== country);
  return (
    <>
      <PageHeading title={COUNTRY_NAMES[country]} when={when} />
      <nav className="country-switcher" aria-label={t.switcher}>
        <ul>
          {PAGE_COUNTRIES.map((code) => (
            <li key={code}>
              <Link to={countryPath(code)} current={code === country}>
                <abbr title={COUNTRY_NAMES[code]}>{code}</abbr>
                <span className="country-switcher-name"> {COUNTRY_NAMES[code]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {otherCountries && <p className="chart-note">{t.countryFilterNote}</p>}
      <KeyFigures context={context} />
      <div className="chart-grid">
        <JourneyChart context={context} />
        <Commodities context={context} />
        <TrucksChart context={context} />
        <TransitChart context={context} />
        <BordersChart context={context} />
        <RevenueChart context={context} />
        <ConsigneesChart context={context} />
      </div>
    </>
  );
}

function KeyFigures({ context }: { context: Context }) {
  const { dateTime } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { filters, country } = context;
  const answer = useQuery(CountryFiguresDocument, { period: { from: filters.from, to: filters.to }, countries: [country] });
  const labels = Object.fromEntries(Object.entries(t).filter(([k]) => k.startsWith("tile_")).map(([k, v]) => [k.slice(5), v])) as Record<TileField, string>;
  return (
    <section aria-labelledby="country-kpi-title" className="kpis-section">
      <h2 id="country-kpi-title">{t.figures}</h2>
      {answer.status === "loading" && <p role="status">{t.loadingFigures}</p>}
      {answer.status === "error" && (
        <div role="alert" className="notice-error">
          <p>{t.figuresError}</p>
          <button type="button" onClick={answer.retry}>
            {t.retry}
          </button>
        </div>
      )}
      {(answer.status === "success" || answer.status === "stale") &&
        (() => {
          const figures = answer.data.countryFigures.countries.find((c) => c.country === country);
          return (
            <>
              <DataAsOf feeds={answer.data.countryFigures.dataAsOf} />
              {answer.status === "stale" && (
                <p className="stale-note">
                  {t.staleFigures} {dateTime(answer.savedAt)}
                </p>
              )}
              {figures ? (
                <dl className="kpis">
                  {countryTiles(figures, labels).map((tile) => (
                    <KpiTile key={tile.field} compare={filters.compare} figure={{ label: tile.label, unit: tile.unit, value: tile.value, previousChange: tile.previousChange, yearAgoChange: tile.yearAgoChange, trend: [], higherIsBetter: tile.higherIsBetter }} />
                  ))}
                </dl>
              ) : (
                <p className="chart-empty">{t.noFigures}</p>
              )}
              {(filters.route || filters.hs || filters.direction) && <p className="chart-note">{t.keyFiguresNote}</p>}
            </>
          );
        })()}
    </section>
  );
}

/** A chart's general query with the page's filters that its measures take. */
function useCountryMetrics(context: Context, measures: readonly Measure[], query: Omit<MetricQueryInput, "period" | "filters">) {
  const { registry } = useAppData();
  const applied = metricFilters(context.filters, measures, registry);
  const answer = useMetrics({ ...query, period: { from: context.filters.from, to: context.filters.to }, filters: applied.filters });
  return { ...answer, state: explainForbidden(answer.state, context.forbidden), notApplied: applied.notApplied };
}

const summaryOf = (rows: readonly LabelledRow[], key: string, unit: string, language: "fr" | "en") => rows.map((r) => `${r.name} ${formatValue(r[key] as number | null, unit, language)}`).join(" ; ");

function JourneyChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, JOURNEY, { measures: JOURNEY.map((measure) => ({ measure, statistics: [...JOURNEY_STATISTICS] })) });
  const stages = journeyStages(result?.rows[0]?.cells ?? []);
  const stageName = (m: string) => (t as Record<string, string>)[`stage_${m}`] ?? m;
  const data = stages.map((s) => ({ key: s.measure, label: stageName(s.measure), p50: s.p50, p90: s.p90 }));
  return (
    <ChartCard
      className="wide"
      figureRole="group"
      title={`${t.journeyTitle} — ${context.when}`}
      subtitle={t.journeySubtitle}
      state={state}
      notApplied={notApplied}
      summary={`${t.journeySummary} ${stages.map((s) => `${stageName(s.measure)} ${formatValue(s.p50, "HOURS", language)}`).join(", ")}.`}
      csv={() => ({ header: ["stage", "measure", t.median, t.p90, t.observations], rows: stages.map((s) => [stageName(s.measure), s.measure, s.p50, s.p90, s.count]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "p50", label: t.median }, { key: "p90", label: t.p90 }]} unit="HOURS" horizontal />
      </Suspense>
      <div className="table-scroll">
        <table className="journey-table">
          <thead>
            <tr>
              <th scope="col">{t.stage}</th>
              <th scope="col" className="journey-definition">
                {t.measures}
              </th>
              <th scope="col" className="num journey-count">
                {t.observations}
              </th>
              <th scope="col" className="num">
                {t.median}
              </th>
              <th scope="col" className="num">
                {t.p90}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.measure} data-stage={s.measure} className={s.measure === "CUSTOMS_RELEASE" || s.measure === "BORDER_CROSSING" ? "journey-nested" : undefined}>
                <th scope="row">
                  {stageName(s.measure)}
                  <span className="journey-definition-inline">
                    {(t as Record<string, string>)[`def_${s.measure}`]} {t.countIs} {s.count === null ? "—" : formatInteger(s.count, language)}.
                  </span>
                </th>
                <td className="journey-definition">{(t as Record<string, string>)[`def_${s.measure}`]}</td>
                <td className="num journey-count" data-cell="count">
                  {s.count === null ? "—" : formatInteger(s.count, language)}
                </td>
                <td className="num" data-cell="p50">
                  {formatValue(s.p50, "HOURS", language)}
                </td>
                <td className="num" data-cell="p90">
                  {formatValue(s.p90, "HOURS", language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

function Commodities({ context }: { context: Context }) {
  const t = useTexts(COUNTRY_TEXTS);
  const place = usePlace();
  const measure = commodityMeasureOf(place.params);
  const choose = (next: CommodityMeasure) => navigate(window.location.pathname, withCommodityMeasure(new URLSearchParams(window.location.search), next));
  return (
    <>
      <fieldset className="wide commodity-measure">
        <legend>
          <span className="commodity-heading">{t.commoditiesTitle}</span> — {t.measureChoice}
        </legend>
        {(["TONNES", "CIF_VALUE"] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="commodity-measure" value={m} checked={measure === m} onChange={() => choose(m)} />
            {m === "TONNES" ? t.byTonnes : t.byCif}
          </label>
        ))}
      </fieldset>
      <CommodityChart context={context} dimension="HS_SECTION" measure={measure} />
      <CommodityChart context={context} dimension="HS_CHAPTER" measure={measure} />
    </>
  );
}

function CommodityChart({ context, dimension, measure }: { context: Context; dimension: "HS_SECTION" | "HS_CHAPTER"; measure: CommodityMeasure }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["TONNES", "CIF_VALUE"], {
    measures: [{ measure: "TONNES" }, { measure: "CIF_VALUE" }],
    dimensions: [dimension],
    orderBy: [{ measure, descending: true }],
    limit: 10,
  });
  const data = labelledRows(result?.rows ?? [], ["tonnes", "cif"], language, { withCode: true, max: 28 });
  const key = measure === "TONNES" ? "tonnes" : "cif";
  const unit = measure === "TONNES" ? "TONNES" : "XOF";
  const section = dimension === "HS_SECTION";
  return (
    <ChartCard
      title={`${section ? t.sectionTitle : t.chapterTitle}, ${measure === "TONNES" ? t.inTonnes : t.inCif} — ${context.when}`}
      subtitle={measure === "TONNES" ? t.commoditySubtitleTonnes : t.commoditySubtitleCif}
      state={state}
      notApplied={notApplied}
      summary={`${t.summaryTop} ${summaryOf(data, key, unit, language)}.`}
      csv={() => ({ header: [section ? t.section : t.chapter, "name", `${t.tonnes} (t)`, `${t.cif} (FCFA)`], rows: data.map((r) => [r.key, r.name, r.tonnes as number | null, r.cif as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key, label: measure === "TONNES" ? t.tonnes : t.cif }]} unit={unit} horizontal />
      </Suspense>
    </ChartCard>
  );
}

function TrucksChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["TRUCKS"], { measures: [{ measure: "TRUCKS" }], dimensions: ["ROUTE"], orderBy: [{ measure: "TRUCKS", descending: true }] });
  const data = labelledRows(result?.rows ?? [], ["trucks"], language, { codeOnly: true });
  return (
    <ChartCard
      title={`${t.trucksTitle} — ${context.when}`}
      subtitle={t.trucksSubtitle}
      state={state}
      notApplied={notApplied}
      summary={`${t.summaryTop} ${data.map((r) => `${r.key} ${formatValue(r.trucks as number | null, "TRUCKS", language)}`).join(" ; ")}.`}
      csv={() => ({ header: [t.routes, "name", t.trucks], rows: data.map((r) => [r.key, r.name, r.trucks as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "trucks", label: t.trucks }]} unit="TRUCKS" horizontal />
      </Suspense>
    </ChartCard>
  );
}

function TransitChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["CORRIDOR_TRANSIT"], { measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90"] }], dimensions: ["ROUTE"] });
  const data = labelledRows(result?.rows ?? [], ["p50", "p90"], language, { codeOnly: true });
  return <DurationBars t={t} language={language} title={`${t.transitTitle} — ${context.when}`} subtitle={t.transitSubtitle} state={state} notApplied={notApplied} data={data} header={t.routes} />;
}

function BordersChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["BORDER_CROSSING"], { measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90"] }], dimensions: ["BORDER"] });
  const data = labelledRows(result?.rows ?? [], ["p50", "p90"], language, { rename: shortCrossing, max: 34 });
  return <DurationBars t={t} language={language} title={`${t.bordersTitle} — ${context.when}`} subtitle={t.bordersSubtitle} state={state} notApplied={notApplied} data={data} header={t.border} />;
}

/** Median and P90 bars per category (a route, a border post), in hours. */
function DurationBars(props: { t: Texts; language: "fr" | "en"; title: string; subtitle: string; state: Parameters<typeof ChartCard>[0]["state"]; notApplied: readonly string[]; data: LabelledRow[]; header: string }) {
  const { t, language, data } = props;
  return (
    <ChartCard
      title={props.title}
      subtitle={props.subtitle}
      state={props.state}
      notApplied={props.notApplied}
      summary={`${data.map((r) => `${r.name}${t.colon}${t.median} ${formatValue(r.p50 as number | null, "HOURS", language)}, ${t.p90} ${formatValue(r.p90 as number | null, "HOURS", language)}`).join(" ; ")}.`}
      csv={() => ({ header: [props.header, "name", `${t.median} (h)`, `${t.p90} (h)`], rows: data.map((r) => [r.key, r.name, r.p50 as number | null, r.p90 as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "p50", label: t.median }, { key: "p90", label: t.p90 }]} unit="HOURS" horizontal />
      </Suspense>
    </ChartCard>
  );
}

function RevenueChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["CUSTOMS_REVENUE"], { measures: [{ measure: "CUSTOMS_REVENUE" }], dimensions: ["TAX_CODE"], orderBy: [{ measure: "CUSTOMS_REVENUE", descending: true }] });
  const data = labelledRows(result?.rows ?? [], ["revenue"], language, { withCode: true, max: 30 });
  return (
    <ChartCard
      title={`${t.revenueTitle} — ${context.when}`}
      subtitle={t.revenueSubtitle}
      state={state}
      notApplied={notApplied}
      summary={`${t.summaryTop} ${data.map((r) => `${r.key} (${r.name}) ${formatValue(r.revenue as number | null, "XOF", language)}`).join(" ; ")}.`}
      csv={() => ({ header: [t.taxCode, "name", `${t.revenue} (FCFA)`], rows: data.map((r) => [r.key, r.name, r.revenue as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "revenue", label: t.revenue }]} unit="XOF" horizontal />
      </Suspense>
    </ChartCard>
  );
}

function ConsigneesChart({ context }: { context: Context }) {
  const { language } = useI18n();
  const t = useTexts(COUNTRY_TEXTS);
  const { state, result, notApplied } = useCountryMetrics(context, ["TONNES"], { measures: [{ measure: "TONNES" }], dimensions: ["CONSIGNEE"], orderBy: [{ measure: "TONNES", descending: true }], limit: 10 });
  const data = labelledRows(result?.rows ?? [], ["tonnes"], language);
  return (
    <ChartCard
      title={`${t.consigneesTitle} — ${context.when}`}
      subtitle={t.consigneesSubtitle}
      state={state}
      notApplied={notApplied}
      summary={`${t.summaryTop} ${summaryOf(data, "tonnes", "TONNES", language)}.`}
      csv={() => ({ header: [t.consignee, `${t.tonnes} (t)`], rows: data.map((r) => [r.key, r.tonnes as number | null]) })}
    >
      <Suspense fallback={<div className="chart-placeholder" />}>
        <CategoryBars data={data} series={[{ key: "tonnes", label: t.tonnes }]} unit="TONNES" horizontal />
      </Suspense>
    </ChartCard>
  );
}
