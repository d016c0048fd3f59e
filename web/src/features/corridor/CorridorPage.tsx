import { Suspense, useCallback, useMemo } from "react";
import { useQuery } from "../../api/use-query";
import { useAppData } from "../../app/app-data";
import { grainFor, type Grain } from "../../app/filters";
import { metricFilters } from "../../app/metric-filters";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { ChartCard, type ChartState } from "../../charts/ChartCard";
import { TimeChart } from "../../charts/lazy-charts";
import { useMetrics } from "../../charts/use-metrics";
import { DataAsOf } from "../../components/DataAsOf";
import { CorridorGeographyDocument, type CorridorGeographyQuery, type FilterInput } from "../../gql/graphql";
import { formatDecimal, formatInteger, formatPeriod, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import { borderPosts, cellsByValue, combineStates, explainForbidden, figuresOf, parseSelection, shortName, trendByCell, withSelection, type BorderPost, type Figures, type Selection } from "./corridor-data";
import { CorridorMap, type ItemText } from "./CorridorMap";
import { classColour, classLimits, classOf } from "./geometry";
import { CORRIDOR_TEXTS } from "./texts";
import "./corridor.css";
import { PageHeading } from "../../components/PageHeading";

type Geography = CorridorGeographyQuery;
type Texts = Record<keyof (typeof CORRIDOR_TEXTS)["fr"], string>;

/** The corridor on a map: routes coloured by transit time, border posts with their crossing times, and the trend of what is selected. */
export default function CorridorPage() {
  const { language } = useI18n();
  const t = useTexts(CORRIDOR_TEXTS);
  const [filters] = useFilters();
  const geography = useQuery(CorridorGeographyDocument, {});
  const when = formatPeriod(filters.from, filters.to, language);
  return (
    <>
      <PageHeading title={t.heading} when={when} />
      {geography.status === "loading" && <p role="status">{t.loading}</p>}
      {geography.status === "error" && (
        <div role="alert" className="notice-error">
          <p>{t.geographyError}</p>
          <button type="button" onClick={geography.retry}>
            {t.retry}
          </button>
        </div>
      )}
      {(geography.status === "success" || geography.status === "stale") && <CorridorView geography={geography.data} when={when} />}
    </>
  );
}

const hours = (value: number | null, language: "fr" | "en") => formatValue(value, "HOURS", language);
const limitText = (value: number, language: "fr" | "en") => (Number.isInteger(value) ? formatInteger(value, language) : formatDecimal(value, language, 1));

function CorridorView({ geography, when }: { geography: Geography; when: string }) {
  const { language } = useI18n();
  const t = useTexts(CORRIDOR_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const place = usePlace();
  const { state: session } = useSession();
  const scope = session.status === "signed-in" ? session.user.country : null;
  const period = { from: filters.from, to: filters.to };

  const routeFilters = metricFilters(filters, ["CORRIDOR_TRANSIT", "TRUCKS"], registry);
  const borderFilters = metricFilters(filters, ["BORDER_CROSSING"], registry);
  const routesAnswer = useMetrics({ measures: [{ measure: "CORRIDOR_TRANSIT", statistics: ["P50", "P90", "COUNT"] }, { measure: "TRUCKS" }], dimensions: ["ROUTE"], period, filters: routeFilters.filters });
  const bordersAnswer = useMetrics({ measures: [{ measure: "BORDER_CROSSING", statistics: ["P50", "P90", "COUNT"] }], dimensions: ["BORDER"], period, filters: borderFilters.filters });
  const forbidden = t.forbidden.replaceAll("{scope}", scope ?? "—");
  const state = explainForbidden(combineStates([routesAnswer.state, bordersAnswer.state]), forbidden) as ChartState;

  const routeCells = useMemo(() => cellsByValue(routesAnswer.result?.rows ?? []), [routesAnswer.result]);
  const borderCells = useMemo(() => cellsByValue(bordersAnswer.result?.rows ?? []), [bordersAnswer.result]);
  const routeFigures = (code: string): Figures & { trucks: number | null } => ({ ...figuresOf(routeCells.get(code)), trucks: routeCells.get(code)?.[3] ?? null });
  const borderFigures = (crossing: string): Figures => figuresOf(borderCells.get(crossing));
  const posts = useMemo(() => borderPosts(geography.routes, geography.offices, [...borderCells.keys()]), [geography, borderCells]);
  const officeName = useCallback((code: string) => shortName(geography.offices.find((o) => o.code === code)?.name ?? code), [geography.offices]);
  const directionName = (crossing: string) => crossing.split(">").map(officeName).join(" → ");

  const limits = classLimits(geography.routes.map((r) => routeFigures(r.code).p50));
  const classes = Math.max(limits.length - 1, 0);
  const routeColour = (code: string) => {
    const index = classOf(routeFigures(code).p50, limits);
    return index === null ? null : classColour(index, classes);
  };

  // The selection lives in the address (&sel=route:TG-BF-OUA), checked against what exists.
  const selection = useMemo((): Selection | null => {
    const parsed = parseSelection(place.params.get("sel"));
    if (parsed?.kind === "route") return geography.routes.some((r) => r.code === parsed.code) ? parsed : null;
    if (parsed?.kind === "border") {
      const post = posts.find((p) => p.directions.includes(parsed.code));
      return post ? { kind: "border", code: post.key } : null;
    }
    return null;
  }, [place.params, geography.routes, posts]);
  const select = useCallback((next: Selection | null) => navigate(window.location.pathname, withSelection(new URLSearchParams(window.location.search), next)), []);

  const routeText = (code: string): ItemText => {
    const route = geography.routes.find((r) => r.code === code);
    const f = routeFigures(code);
    const figures = f.p50 === null ? t.noData : `${t.median} ${hours(f.p50, language)}, ${t.p90} ${hours(f.p90, language)}, ${t.trucksIs} ${f.trucks === null ? "—" : formatInteger(f.trucks, language)}`;
    return { label: `${t.route} ${code} (${route?.note ?? ""})${t.colon}${figures}`, lines: [`${code} — ${route?.note ?? ""}`, figures] };
  };
  const postText = (post: BorderPost): ItemText => {
    const lines = post.directions.map((crossing, i) => {
      const f = borderFigures(crossing);
      const way = i === 0 ? t.import : t.export;
      return `${way}${t.colon}${f.p50 === null ? t.noData : `${t.median} ${hours(f.p50, language)}, ${t.p90} ${hours(f.p90, language)} (${formatInteger(f.count ?? 0, language)} ${t.crossings.toLowerCase()})`}`;
    });
    const main = borderFigures(post.key);
    const shortFigures = main.p50 === null ? null : `${limitText(main.p50, language)} / ${hours(main.p90, language)}`;
    return { label: `${t.border} ${directionName(post.key)} — ${lines.join(" ; ")}`, lines: [`${t.border} ${directionName(post.key)}`, ...lines], short: shortFigures };
  };

  const legend = {
    title: t.legendTitle,
    classes: Array.from({ length: classes }, (_, i) => {
      const [low, high] = [limits[i] as number, limits[i + 1] as number];
      // One value only (one route with trucks): a single class named by that value.
      return { colour: classColour(i, classes), label: low === high ? `${limitText(low, language)}\u00A0h` : `${limitText(low, language)}–${limitText(high, language)}\u00A0h` };
    }),
    noData: t.legendNoData,
    border: t.legendBorder,
    office: t.legendOffice,
  };
  const countryNames = geography.countries.map((c) => ({ code: c.code, name: language === "fr" ? c.nameFr : c.nameEn }));
  const notApplied = [...new Set([...routeFilters.notApplied, ...borderFilters.notApplied])];
  const withData = geography.routes.filter((r) => routeFigures(r.code).p50 !== null);
  const summary = `${t.mapSummary} ${withData.map((r) => `${r.code} ${hours(routeFigures(r.code).p50, language)}`).join(", ") || t.noData}. ${t.mapBorders} ${
    posts
      .filter((p) => borderFigures(p.key).p50 !== null)
      .map((p) => `${directionName(p.key)} ${hours(borderFigures(p.key).p50, language)}`)
      .join(", ") || t.noData
  }.`;
  const dataAsOf = routesAnswer.result?.dataAsOf ?? bordersAnswer.result?.dataAsOf;

  return (
    <>
      {dataAsOf && <DataAsOf feeds={dataAsOf} />}
      <div className="chart-grid">
        <ChartCard
          className="wide"
          figureRole="group"
          title={`${t.mapTitle} — ${when}`}
          subtitle={t.mapSubtitle}
          state={state}
          notApplied={notApplied}
          summary={summary}
          csv={() => ({
            header: ["kind", "code", "name", "km", "trucks", "p50_hours", "p90_hours", "count"],
            rows: [
              ...geography.routes.map((r) => {
                const f = routeFigures(r.code);
                return ["route", r.code, r.note, r.km, f.trucks, f.p50, f.p90, f.count];
              }),
              ...posts.flatMap((p) =>
                p.directions.map((crossing) => {
                  const f = borderFigures(crossing);
                  return ["border", crossing, directionName(crossing), null, null, f.p50, f.p90, f.count];
                }),
              ),
            ],
          })}
        >
          <CorridorMap
            offices={geography.offices}
            routes={geography.routes}
            countries={countryNames}
            routeColour={routeColour}
            routeText={routeText}
            posts={posts}
            postText={postText}
            legend={legend}
            selection={selection}
            onSelect={select}
            mapLabel={t.mapTitle}
          />
        </ChartCard>
        {selection ? (
          <TrendCard key={`${selection.kind}:${selection.code}`} selection={selection} posts={posts} directionName={directionName} when={when} forbidden={forbidden} onClear={() => select(null)} />
        ) : (
          <p className="chart-note wide corridor-hint">{t.trendHint}</p>
        )}
        {(state.status === "ready" || state.status === "empty") && (
          <section className="wide corridor-tables" aria-labelledby="corridor-tables-title">
            <h2 id="corridor-tables-title">{t.tablesTitle}</h2>
            <div className="table-scroll">
              <table className="corridor-routes">
                <caption>
                  {t.routesTable} — {when}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.route}</th>
                    <th scope="col" className="num">
                      {t.km}
                    </th>
                    <th scope="col" className="num">
                      {t.trucks}
                    </th>
                    <th scope="col" className="num">
                      {t.median}
                    </th>
                    <th scope="col" className="num">
                      {t.p90}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t.select}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {geography.routes.map((r) => {
                    const f = routeFigures(r.code);
                    const selected = selection?.kind === "route" && selection.code === r.code;
                    return (
                      <tr key={r.code} data-route={r.code} className={selected ? "is-selected" : undefined}>
                        <th scope="row">
                          <span className="code">{r.code}</span>
                          <span className="route-note">{r.note}</span>
                        </th>
                        <td className="num">{formatInteger(r.km, language)} km</td>
                        <td className="num" data-cell="trucks">
                          {f.trucks === null ? "—" : formatInteger(f.trucks, language)}
                        </td>
                        <td className="num" data-cell="p50">
                          {hours(f.p50, language)}
                        </td>
                        <td className="num" data-cell="p90">
                          {hours(f.p90, language)}
                        </td>
                        <td>
                          <SelectButton selected={selected} label={`${t.select}${t.colon}${r.code}`} text={selected ? t.selected : t.select} onSelect={() => select({ kind: "route", code: r.code })} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="table-scroll">
              <table className="corridor-borders">
                <caption>
                  {t.bordersTable} — {when}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.border}</th>
                    <th scope="col">{t.direction}</th>
                    <th scope="col" className="num">
                      {t.crossings}
                    </th>
                    <th scope="col" className="num">
                      {t.median}
                    </th>
                    <th scope="col" className="num">
                      {t.p90}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t.select}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {posts.flatMap((p) => {
                    const selected = selection?.kind === "border" && selection.code === p.key;
                    return p.directions.map((crossing, i) => {
                      const f = borderFigures(crossing);
                      return (
                        <tr key={crossing} data-border={crossing} className={selected ? "is-selected" : undefined}>
                          <th scope="row">{directionName(crossing)}</th>
                          <td>{i === 0 ? t.import : t.export}</td>
                          <td className="num" data-cell="count">
                            {f.count === null ? "—" : formatInteger(f.count, language)}
                          </td>
                          <td className="num" data-cell="p50">
                            {hours(f.p50, language)}
                          </td>
                          <td className="num" data-cell="p90">
                            {hours(f.p90, language)}
                          </td>
                          <td>{i === 0 && <SelectButton selected={selected} label={`${t.select}${t.colon}${directionName(p.key)}`} text={selected ? t.selected : t.select} onSelect={() => select({ kind: "border", code: p.key })} />}</td>
                        </tr>
                      );
                    });
                  })}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
    </>
  );
}

function SelectButton({ selected, label, text, onSelect }: { selected: boolean; label: string; text: string; onSelect: () => void }) {
  return (
    <button
      type="button"
      className="select-button"
      aria-pressed={selected}
      aria-label={label}
      onClick={() => {
        onSelect();
        // The trend appears above the tables: bring it into view.
        requestAnimationFrame(() => document.querySelector(".corridor-trend")?.scrollIntoView({ block: "nearest" }));
      }}
    >
      {text}
    </button>
  );
}

const perGrain = (grain: Grain, t: Texts) => ({ DAY: t.perDay, WEEK: t.perWeek, MONTH: t.perMonth, QUARTER: t.perQuarter })[grain];

/** The trend of the selected route's transit, or of the selected border post's crossing (each way). */
function TrendCard(props: { selection: Selection; posts: readonly BorderPost[]; directionName: (crossing: string) => string; when: string; forbidden: string; onClear: () => void }) {
  const { language } = useI18n();
  const t = useTexts(CORRIDOR_TEXTS);
  const [filters] = useFilters();
  const { registry } = useAppData();
  const grain = grainFor(filters);
  const { selection } = props;
  const route = selection.kind === "route";
  const measure = route ? "CORRIDOR_TRANSIT" : "BORDER_CROSSING";
  // The selection is the chart's subject: a route filter of the view gives way to the route picked.
  const applied = metricFilters(filters, [measure], registry, { skip: route ? ["ROUTE"] : [] });
  const post = route ? undefined : props.posts.find((p) => p.key === selection.code);
  const own: FilterInput = route ? { dimension: "ROUTE", values: [selection.code] } : { dimension: "BORDER", values: [...(post?.directions ?? [selection.code])] };
  const { state, result } = useMetrics({ measures: [{ measure, statistics: ["P50", "P90"] }], dimensions: route ? [] : ["BORDER"], grain, period: { from: filters.from, to: filters.to }, filters: [...applied.filters, own] });
  const cells = [
    { key: "p50", label: t.median },
    { key: "p90", label: t.p90 },
  ];
  const trend = trendByCell(result?.rows ?? [], cells, (crossing) => (crossing === post?.key ? t.import : t.export), post?.directions ?? []);
  const name = route ? selection.code : props.directionName(selection.code);
  const title = `${route ? t.trendRouteTitle : t.trendBorderTitle} ${name}, ${perGrain(grain, t)} — ${props.when}`;
  const points = trend.data.filter((row) => trend.series.some((s) => row[s.key] !== null && s.key.endsWith("p50")));
  const p50s = points.flatMap((row) => trend.series.filter((s) => s.key.endsWith("p50")).map((s) => row[s.key] as number | null)).filter((v): v is number => v !== null);
  const summary = `${t.trendSummary} ${name}${t.colon}${points.length} ${t.trendPoints} ${trend.data.length}${p50s.length ? `, ${t.median} ${hours(Math.min(...p50s), language)} – ${hours(Math.max(...p50s), language)}` : ""}.`;
  return (
    <div className="wide corridor-trend">
      <ChartCard
        title={title}
        subtitle={route ? t.trendRouteSubtitle : t.trendBorderSubtitle}
        state={explainForbidden(state, props.forbidden)}
        notApplied={applied.notApplied}
        summary={summary}
        csv={() => ({ header: ["bucket", ...trend.series.map((s) => s.label)], rows: trend.data.map((row) => [row.bucket, ...trend.series.map((s) => row[s.key] as number | null)]) })}
      >
        <Suspense fallback={<div className="chart-placeholder" />}>
          <TimeChart data={trend.data} series={trend.series} unit="HOURS" grain={grain} kind="line" />
        </Suspense>
      </ChartCard>
      <button type="button" className="link-button corridor-clear" onClick={props.onClear}>
        {t.clear}
      </button>
    </div>
  );
}
