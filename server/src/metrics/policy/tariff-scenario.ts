import type { Warehouse } from "@corridor/warehouse";
import type { Period } from "../query/period.js";
import { MetricQueryError } from "../query/plan.js";
import { limited, type StatementLimits } from "../query/statement-limits.js";
import { checkCountries, checkPeriod, quoted } from "../query/checks.js";
import { francs } from "./money.js";

export const MAX_BAND_CHANGES = 50;
/** Chapters run 01–99: one override each at most. */
export const MAX_CHAPTER_RATES = 99;

/** A common-external-tariff band moved: every DD line at `fromRate` is charged `toRate` instead (fractions: 0.05 = 5 %). */
export interface BandChange {
  readonly fromRate: number;
  readonly toRate: number;
}

/** Every DD line of an HS chapter charged `rate`, whatever its band; wins over a band change. */
export interface ChapterRate {
  readonly chapter: string;
  readonly rate: number;
}

export interface TariffScenarioRequest {
  readonly period: Period;
  readonly timeZone: string;
  readonly bands: readonly BandChange[];
  readonly chapters: readonly ChapterRate[];
  /** VAT is charged on CIF + DD + the other levies, so a DD change moves VAT by VAT rate × ΔDD. */
  readonly recomputeVat: boolean;
  /** Collecting administrations; empty: every country. */
  readonly countries: readonly string[];
}

/** Money in XOF rounded to the franc. */
export interface TariffFigures {
  /** DD lines paid. */
  readonly lines: number;
  /** Lines whose rate the scenario changes. */
  readonly changedLines: number;
  readonly baseXof: number;
  readonly currentDutyXof: number;
  readonly scenarioDutyXof: number;
  readonly dutyChangeXof: number;
  readonly vatEffectXof: number;
  readonly totalChangeXof: number;
}

export interface TariffScenarioRow extends TariffFigures {
  readonly country: string;
  readonly hsChapter: string;
}

export interface TariffScenarioAnswer {
  readonly period: Period;
  readonly timeZone: string;
  readonly recomputeVat: boolean;
  readonly rows: readonly TariffScenarioRow[];
  readonly totals: TariffFigures;
}

/** The checked scenario as the statement binds it: rates as percentages, the unit of the `rate` column. */
export interface ScenarioParams {
  readonly bandFrom: number[];
  readonly bandTo: number[];
  readonly chapters: string[];
  readonly chapterTo: number[];
}

export interface TariffGroup {
  country: string;
  hs_chapter: string;
  lines: string;
  changed_lines: string;
  base: string;
  current_dd: string;
  scenario_dd: string;
  vat_effect: string;
}

/**
 * DD lines actually paid, dated by their receipt, for the administration that
 * collected them. A line the scenario touches is charged base × new rate
 * (rounded to the franc, as a line is); any other keeps its recorded amount.
 * The VAT effect uses the VAT line paid on the same item, at its own rate;
 * an item without paid VAT (exempt, or VAT collected elsewhere) has none.
 */
const GROUPS_SQL = `
WITH
    {bandFrom:Array(Decimal(9, 4))} AS band_from,
    {bandTo:Array(Decimal(9, 4))} AS band_to,
    {chapters:Array(String)} AS chapter_codes,
    {chapterTo:Array(Decimal(9, 4))} AS chapter_to
SELECT
    country,
    hs_chapter,
    count() AS lines,
    countIf(new_rate IS NOT NULL) AS changed_lines,
    sum(line_base) AS base,
    sum(line_current) AS current_dd,
    sum(line_scenario) AS scenario_dd,
    sum(if({recomputeVat:Bool}, round((line_scenario - line_current) * vat_rate / 100, 0), 0)) AS vat_effect
FROM
(
    SELECT
        dd.country AS country,
        toString(dd.hs_chapter) AS hs_chapter,
        dd.base_xof AS line_base,
        CAST(dd.amount_xof AS Decimal(38, 2)) AS line_current,
        indexOf(chapter_codes, toString(dd.hs_chapter)) AS by_chapter,
        indexOf(band_from, dd.rate) AS by_band,
        multiIf(by_chapter > 0, chapter_to[by_chapter], by_band > 0, band_to[by_band], NULL) AS new_rate,
        if(new_rate IS NULL, line_current, CAST(round(toDecimal128(dd.base_xof, 2) * assumeNotNull(new_rate) / 100, 0) AS Decimal(38, 2))) AS line_scenario,
        vat.vat_rate AS vat_rate
    FROM fact_customs_revenue AS dd
    LEFT JOIN
    (
        SELECT declaration_id, item, max(rate) AS vat_rate
        FROM fact_customs_revenue
        WHERE tax_code = 'TVA'
          AND receipt_at >= toDateTime({from:String}, {tz:String})
          AND receipt_at < toDateTime({to:String}, {tz:String})
        GROUP BY declaration_id, item
    ) AS vat ON vat.declaration_id = dd.declaration_id AND vat.item = dd.item
    WHERE dd.tax_code = 'DD'
      AND dd.receipt_at >= toDateTime({from:String}, {tz:String})
      AND dd.receipt_at < toDateTime({to:String}, {tz:String})
      AND (empty({countries:Array(String)}) OR has({countries:Array(String)}, toString(dd.country)))
)
GROUP BY country, hs_chapter
ORDER BY country, hs_chapter`;

/** Reads the (country, chapter) groups; inputs are expected checked, and travel as bound parameters only. */
export function readTariffGroups(
  warehouse: Warehouse,
  request: Pick<TariffScenarioRequest, "period" | "timeZone" | "recomputeVat" | "countries">,
  scenario: ScenarioParams,
  limits: StatementLimits = {},
): Promise<TariffGroup[]> {
  return warehouse.query<TariffGroup>({
    sql: GROUPS_SQL,
    params: { from: request.period.from, to: request.period.to, tz: request.timeZone, recomputeVat: request.recomputeVat, countries: [...request.countries], ...scenario },
    tag: "api:policy:tariff-scenario",
    // Countries × 99 chapters at most.
    ...limited(limits, 100_000),
    settings: { ...limited(limits, 100_000).settings, join_use_nulls: 0 },
  });
}

/**
 * A fraction as the percentage the `rate` column holds (Decimal(9, 4)):
 * 0.075 → 7.5. Rounded to that precision, so 0.07 (7.000000000000001 % in
 * binary) still meets the 7 % band.
 */
function percent(rate: number): number {
  return Math.round(rate * 1e6) / 1e4;
}

function checkRate(rate: number, what: { fr: string; en: string }): void {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new MetricQueryError(`${what.fr} : taux entre 0 et 1 (fraction, 0.05 = 5 %), reçu ${rate} / ${what.en}: rate between 0 and 1 (fraction, 0.05 = 5 %), got ${rate}`);
  }
}

/** Checks the scenario; throws MetricQueryError (French, then English) naming the faulty entry. */
export function checkScenario(bands: readonly BandChange[], chapters: readonly ChapterRate[]): ScenarioParams {
  if (bands.length > MAX_BAND_CHANGES) throw new MetricQueryError(`bandes : ${MAX_BAND_CHANGES} changements au plus / bands: at most ${MAX_BAND_CHANGES} changes`);
  if (chapters.length > MAX_CHAPTER_RATES) throw new MetricQueryError(`chapitres : ${MAX_CHAPTER_RATES} au plus / chapters: at most ${MAX_CHAPTER_RATES}`);
  if (bands.length === 0 && chapters.length === 0) throw new MetricQueryError("scénario vide : au moins un changement de bande ou un taux par chapitre / empty scenario: at least one band change or chapter rate");
  const params: ScenarioParams = { bandFrom: [], bandTo: [], chapters: [], chapterTo: [] };
  bands.forEach((band, i) => {
    checkRate(band.fromRate, { fr: `bandes[${i}].fromRate`, en: `bands[${i}].fromRate` });
    checkRate(band.toRate, { fr: `bandes[${i}].toRate`, en: `bands[${i}].toRate` });
    const from = percent(band.fromRate);
    if (params.bandFrom.includes(from)) throw new MetricQueryError(`bandes : la bande ${from} % est modifiée deux fois / bands: the ${from} % band is changed twice`);
    params.bandFrom.push(from);
    params.bandTo.push(percent(band.toRate));
  });
  chapters.forEach((entry, i) => {
    if (!/^\d{2}$/u.test(entry.chapter) || entry.chapter === "00") {
      throw new MetricQueryError(`chapitres[${i}] : chapitre SH à deux chiffres, de 01 à 99, reçu ${quoted(entry.chapter)} / chapters[${i}]: two-digit HS chapter, 01 to 99, got ${quoted(entry.chapter)}`);
    }
    checkRate(entry.rate, { fr: `chapitres[${i}].rate`, en: `chapters[${i}].rate` });
    if (params.chapters.includes(entry.chapter)) throw new MetricQueryError(`chapitres : le chapitre ${entry.chapter} est donné deux fois / chapters: chapter ${entry.chapter} is given twice`);
    params.chapters.push(entry.chapter);
    params.chapterTo.push(percent(entry.rate));
  });
  return params;
}

function figuresOf(group: TariffGroup): TariffFigures {
  const current = francs(group.current_dd);
  const scenario = francs(group.scenario_dd);
  const vat = francs(group.vat_effect);
  return {
    lines: Number(group.lines),
    changedLines: Number(group.changed_lines),
    baseXof: francs(group.base),
    currentDutyXof: current,
    scenarioDutyXof: scenario,
    dutyChangeXof: scenario - current,
    vatEffectXof: vat,
    totalChangeXof: scenario - current + vat,
  };
}

function add(a: TariffFigures, b: TariffFigures): TariffFigures {
  return {
    lines: a.lines + b.lines,
    changedLines: a.changedLines + b.changedLines,
    baseXof: a.baseXof + b.baseXof,
    currentDutyXof: a.currentDutyXof + b.currentDutyXof,
    scenarioDutyXof: a.scenarioDutyXof + b.scenarioDutyXof,
    dutyChangeXof: a.dutyChangeXof + b.dutyChangeXof,
    vatEffectXof: a.vatEffectXof + b.vatEffectXof,
    totalChangeXof: a.totalChangeXof + b.totalChangeXof,
  };
}

const NOTHING: TariffFigures = { lines: 0, changedLines: 0, baseXof: 0, currentDutyXof: 0, scenarioDutyXof: 0, dutyChangeXof: 0, vatEffectXof: 0, totalChangeXof: 0 };

/**
 * The customs duty (DD) a change of common-external-tariff bands would have
 * brought on the declarations actually paid over the period, by collecting
 * country and HS chapter, against what was collected.
 */
export async function tariffScenario(warehouse: Warehouse, request: TariffScenarioRequest, limits: StatementLimits = {}): Promise<TariffScenarioAnswer> {
  checkPeriod(request.period, request.timeZone);
  const countries = checkCountries(request.countries);
  const scenario = checkScenario(request.bands, request.chapters);
  const groups = await readTariffGroups(warehouse, { ...request, countries }, scenario, limits);
  const rows = groups.map((g) => ({ country: g.country, hsChapter: g.hs_chapter, ...figuresOf(g) }));
  const totals = rows.reduce<TariffFigures>((sum, row) => add(sum, row), NOTHING);
  return { period: request.period, timeZone: request.timeZone, recomputeVat: request.recomputeVat, rows, totals };
}
