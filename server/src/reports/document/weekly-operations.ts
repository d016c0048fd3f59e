import { FEEDS } from "@corridor/warehouse";
import type { Cell, Highlight, Section, ValueKind } from "./report-document.js";
import { cellOf, COMPARISON_COLUMNS, comparisonRow, dimensionCell, localMidnight, text, valueOf } from "./build-common.js";
import { request, type ReportSources, type ReportSpec } from "./report-inputs.js";
import type { LabelledAnswer } from "../../metrics/metrics-service.js";
import type { MeasureId, Statistic } from "../../metrics/registry/measures.js";

export interface BuiltContent {
  readonly highlights: readonly Highlight[];
  readonly sections: readonly Section[];
  readonly dataAsOf: LabelledAnswer["dataAsOf"];
  readonly previousPeriod: { from: string; to: string };
  readonly yearAgoPeriod: { from: string; to: string };
  /** False when the period has none of the report's main figures. */
  readonly hasData: boolean;
  /** The feeds the report's figures come from: their freshness decides whether the data is stale. */
  readonly feeds: readonly string[];
}

const DWELL_STATS: Statistic[] = ["COUNT", "MEAN", "P50", "P90", "P95"];
const DWELL_COLUMNS = [
  { id: "containers", label: text("Conteneurs", "Containers"), kind: "integer" },
  { id: "mean", label: text("Moyenne", "Mean"), kind: "hours" },
  { id: "p50", label: text("Médiane (p50)", "Median (p50)"), kind: "hours" },
  { id: "p90", label: text("p90", "p90"), kind: "hours" },
  { id: "p95", label: text("p95", "p95"), kind: "hours" },
] as const;

/**
 * The weekly port operations report: ships (calls, waiting, turnaround), TEU
 * handled, port dwell percentiles, and the quality of the week's data
 * (freshness, loads, quarantine). Ships and quay moves are port-wide: they
 * belong to no country, so a country filter does not apply to them.
 */
export async function weeklyOperations(sources: ReportSources, spec: ReportSpec): Promise<BuiltContent> {
  const { metrics } = sources;
  const run = (r: Parameters<typeof metrics.run>[0], tag: string) => metrics.run(r, { scope: spec.scope, tag: `report:weekly:${tag}` });
  const shipMeasures = [
    { measure: "SHIP_CALLS" as const, statistics: ["VALUE" as const] },
    { measure: "SHIP_WAITING" as const, statistics: ["COUNT" as const, "P50" as const, "P90" as const] },
    { measure: "SHIP_TURNAROUND" as const, statistics: ["P50" as const, "P90" as const] },
  ];
  const [port, country, byTerminal, daily, teu, dwellByCountry, dwellByTerminal, activity, quarantined] = await Promise.all([
    run(request(spec, { measures: [...shipMeasures, { measure: "TEU_HANDLED", statistics: ["VALUE"] }], compare: true }, false), "port"),
    run(request(spec, { measures: [{ measure: "PORT_DWELL", statistics: DWELL_STATS }, { measure: "TEU", statistics: ["VALUE"] }, { measure: "CUSTOMS_RELEASE", statistics: ["P50"] }], compare: true }, true), "country"),
    run(request(spec, { measures: shipMeasures, dimensions: ["TERMINAL"] }, false), "terminals"),
    run(request(spec, { measures: [{ measure: "SHIP_CALLS", statistics: ["VALUE"] }, { measure: "TEU_HANDLED", statistics: ["VALUE"] }], grain: "DAY" }, false), "daily"),
    run(request(spec, { measures: [{ measure: "TEU_HANDLED", statistics: ["VALUE"] }], dimensions: ["TRADE", "MOVE"] }, false), "teu"),
    run(request(spec, { measures: [{ measure: "PORT_DWELL", statistics: DWELL_STATS }], dimensions: ["COUNTRY"] }, true), "dwell-country"),
    run(request(spec, { measures: [{ measure: "PORT_DWELL", statistics: DWELL_STATS }], dimensions: ["TERMINAL"] }, true), "dwell-terminal"),
    sources.feedActivity.activity(localMidnight(spec.period.from, spec.timeZone), localMidnight(spec.period.to, spec.timeZone)),
    sources.feedActivity.inQuarantine(),
  ]);
  const p = port.rows[0]?.cells;
  const c = country.rows[0]?.cells;
  const rows: [string, string, MeasureId, Statistic, ValueKind, typeof p][] = [
    ["Escales de navires", "Ship calls", "SHIP_CALLS", "VALUE", "integer", p],
    ["Attente des navires, médiane", "Ship waiting, median", "SHIP_WAITING", "P50", "hours", p],
    ["Attente des navires, p90", "Ship waiting, p90", "SHIP_WAITING", "P90", "hours", p],
    ["Rotation des navires, médiane", "Ship turnaround, median", "SHIP_TURNAROUND", "P50", "hours", p],
    ["Rotation des navires, p90", "Ship turnaround, p90", "SHIP_TURNAROUND", "P90", "hours", p],
    ["EVP manutentionnés", "TEU handled", "TEU_HANDLED", "VALUE", "integer", p],
    ["EVP déclarés", "Declared TEU", "TEU", "VALUE", "integer", c],
    ["Conteneurs sortis (séjour mesuré)", "Containers out (dwell timed)", "PORT_DWELL", "COUNT", "integer", c],
    ["Séjour portuaire, médiane", "Port dwell, median", "PORT_DWELL", "P50", "hours", c],
    ["Séjour portuaire, p90", "Port dwell, p90", "PORT_DWELL", "P90", "hours", c],
    ["Séjour portuaire, p95", "Port dwell, p95", "PORT_DWELL", "P95", "hours", c],
    ["Dédouanement, médiane", "Customs release, median", "CUSTOMS_RELEASE", "P50", "hours", c],
  ];
  const highlight = (i: number): Highlight => {
    const [fr, en, measure, statistic, kind, cells] = rows[i] as (typeof rows)[number];
    const cell = cellOf(cells, measure, statistic);
    return { label: text(fr, en), kind, value: cell?.value ?? null, previousChange: cell?.previousChange ?? null, yearAgoChange: cell?.yearAgoChange ?? null };
  };
  const dwellRow = (answer: LabelledAnswer, row: LabelledAnswer["rows"][number]): Cell[] => [dimensionCell(answer, row, 0), ...DWELL_STATS.map((s) => valueOf(row.cells, "PORT_DWELL", s))];
  const dwellTotal: Cell[] = [text("Ensemble", "All"), ...DWELL_STATS.map((s) => valueOf(c, "PORT_DWELL", s))];
  const feedName = (id: string) => FEEDS.find((f) => f.id === id);
  const inQuarantine = new Map(quarantined.map((r) => [r.feed, Number(r.total)]));
  const loads = new Map(activity.map((r) => [r.feed, r]));
  const sections: Section[] = [
    {
      title: text("Résumé de la semaine", "The week in figures"),
      tables: [{ id: "summary", sheet: text("Résumé", "Summary"), title: text("Indicateurs de la semaine et leurs évolutions", "The week's indicators and their changes"), columns: COMPARISON_COLUMNS, rows: rows.map(([fr, en, m, s, , cells]) => comparisonRow(text(fr, en), cellOf(cells, m, s))), rowKinds: rows.map((r) => r[4]) }],
    },
    {
      title: text("Navires", "Ships"),
      intro: text("Escales arrivées dans la semaine, attente (arrivée → accostage) et rotation (arrivée → départ), par terminal ; chiffres de tout le port.", "Calls that arrived during the week, waiting (arrival → berthing) and turnaround (arrival → departure), by terminal; port-wide figures."),
      chart: {
        title: text("Escales et EVP manutentionnés par jour", "Ship calls and TEU handled per day"),
        kind: "integer",
        categories: daily.rows.map((r) => r.bucket ?? ""),
        series: [
          { label: text("Escales", "Ship calls"), values: daily.rows.map((r) => valueOf(r.cells, "SHIP_CALLS")) },
          { label: text("EVP manutentionnés", "TEU handled"), values: daily.rows.map((r) => valueOf(r.cells, "TEU_HANDLED")) },
        ],
      },
      tables: [
        {
          id: "ships_by_terminal",
          sheet: text("Navires par terminal", "Ships by terminal"),
          title: text("Navires par terminal", "Ships by terminal"),
          columns: [
            { id: "terminal", label: text("Terminal", "Terminal"), kind: "text" },
            { id: "calls", label: text("Escales", "Calls"), kind: "integer" },
            { id: "waitingP50", label: text("Attente, médiane", "Waiting, median"), kind: "hours" },
            { id: "waitingP90", label: text("Attente, p90", "Waiting, p90"), kind: "hours" },
            { id: "turnaroundP50", label: text("Rotation, médiane", "Turnaround, median"), kind: "hours" },
            { id: "turnaroundP90", label: text("Rotation, p90", "Turnaround, p90"), kind: "hours" },
          ],
          rows: byTerminal.rows.map((r) => [dimensionCell(byTerminal, r, 0), valueOf(r.cells, "SHIP_CALLS"), valueOf(r.cells, "SHIP_WAITING", "P50"), valueOf(r.cells, "SHIP_WAITING", "P90"), valueOf(r.cells, "SHIP_TURNAROUND", "P50"), valueOf(r.cells, "SHIP_TURNAROUND", "P90")]),
        },
        {
          id: "teu_handled",
          sheet: text("EVP manutentionnés", "TEU handled"),
          title: text("EVP manutentionnés par trafic et mouvement", "TEU handled by trade and move"),
          columns: [
            { id: "trade", label: text("Trafic", "Trade"), kind: "text" },
            { id: "move", label: text("Mouvement", "Move"), kind: "text" },
            { id: "teu", label: text("EVP", "TEU"), kind: "integer" },
          ],
          rows: teu.rows.map((r) => [dimensionCell(teu, r, 0), dimensionCell(teu, r, 1), valueOf(r.cells, "TEU_HANDLED")]),
        },
      ],
    },
    {
      title: text("Séjour portuaire", "Port dwell"),
      intro: text("Conteneurs pleins à l'import, du débarquement à la sortie, comptés à la sortie ; percentiles exacts (PERCENTILE.INC), en heures.", "Full import containers, from discharge to gate-out, counted at gate-out; exact percentiles (PERCENTILE.INC), in hours."),
      tables: [
        { id: "dwell_by_country", sheet: text("Séjour par pays", "Dwell by country"), title: text("Séjour portuaire par pays de destination", "Port dwell by destination country"), columns: [{ id: "country", label: text("Pays", "Country"), kind: "text" }, ...DWELL_COLUMNS], rows: [...dwellByCountry.rows.map((r) => dwellRow(dwellByCountry, r)), dwellTotal] },
        { id: "dwell_by_terminal", sheet: text("Séjour par terminal", "Dwell by terminal"), title: text("Séjour portuaire par terminal", "Port dwell by terminal"), columns: [{ id: "terminal", label: text("Terminal", "Terminal"), kind: "text" }, ...DWELL_COLUMNS], rows: dwellByTerminal.rows.map((r) => dwellRow(dwellByTerminal, r)) },
      ],
    },
    {
      title: text("Qualité des données", "Data quality"),
      intro: text("Fichiers chargés pendant la semaine, enregistrements refusés (quarantaine) et dernier événement de chaque flux.", "Files loaded during the week, records refused (quarantine) and the latest event of each feed."),
      tables: [
        {
          id: "data_quality",
          sheet: text("Qualité des données", "Data quality"),
          title: text("Chargements et quarantaine par flux", "Loads and quarantine by feed"),
          columns: [
            { id: "feed", label: text("Flux", "Feed"), kind: "text" },
            { id: "loads", label: text("Fichiers chargés", "Files loaded"), kind: "integer" },
            { id: "read", label: text("Enregistrements lus", "Records read"), kind: "integer" },
            { id: "quarantinedWeek", label: text("Mis en quarantaine", "Quarantined"), kind: "integer" },
            { id: "inQuarantine", label: text("En quarantaine (total)", "In quarantine (total)"), kind: "integer" },
            { id: "lastEvent", label: text("Dernier événement", "Latest event"), kind: "datetime" },
          ],
          rows: FEEDS.map((f) => {
            const l = loads.get(f.id);
            const name = feedName(f.id);
            return [text(name?.nameFr ?? f.id, name?.nameEn ?? f.id), Number(l?.loads ?? 0), Number(l?.records_read ?? 0), Number(l?.records_quarantined ?? 0), inQuarantine.get(f.id) ?? 0, port.dataAsOf.find((d) => d.feed === f.id)?.lastEventAt ?? null];
          }),
        },
      ],
    },
  ];
  const main = [valueOf(p, "SHIP_CALLS"), valueOf(p, "TEU_HANDLED"), valueOf(c, "PORT_DWELL", "COUNT"), valueOf(c, "TEU")];
  return {
    highlights: [0, 1, 3, 5, 8, 9].map(highlight),
    sections,
    dataAsOf: port.dataAsOf,
    previousPeriod: port.previousPeriod ?? spec.period,
    yearAgoPeriod: port.yearAgoPeriod ?? spec.period,
    hasData: main.some((v) => v !== null && v !== 0),
    feeds: ["vessel-calls", "container-events"],
  };
}
