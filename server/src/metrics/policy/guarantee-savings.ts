import type { Warehouse } from "@corridor/warehouse";
import { bucketsOf, type Period } from "../query/period.js";
import { MetricQueryError } from "../query/plan.js";
import { limited, type StatementLimits } from "../query/statement-limits.js";
import { checkCountries, checkPeriod } from "../query/checks.js";
import { francs, francsOrNull, share } from "./money.js";

/** TRIE guarantee rate per country crossed (domain.md §4 and §5.2: 0.25 % of CIF). */
export const DEFAULT_GUARANTEE_RATE = 0.0025;
export const MAX_GUARANTEE_RATE = 0.05;

export interface GuaranteeSavingsRequest {
  readonly period: Period;
  readonly timeZone: string;
  /** Guarantee rate as a fraction of CIF, per guarantee taken. */
  readonly rate: number;
  /** Empty: every country. */
  readonly countries: readonly string[];
}

/** One cell of the answer; money in XOF rounded to the franc. */
export interface GuaranteeFigures {
  readonly declarations: number;
  /** National guarantees taken today: one per country of each declaration's route. */
  readonly guarantees: number;
  readonly cifXof: number;
  readonly currentGuaranteesXof: number;
  readonly singleGuaranteeXof: number;
  readonly savingXof: number;
  /** saving ÷ current; null when nothing is guaranteed. */
  readonly savingShare: number | null;
  /** Declarations whose file carries a guarantee amount, and the sum of those amounts (the sum secured, not a cost). */
  readonly recordedDeclarations: number;
  readonly recordedGuaranteeXof: number | null;
}

export interface GuaranteeSavingsRow {
  readonly country: string;
  /** First local day of the month in the query's time zone. */
  readonly month: string;
  /** Null for a month of the period without any transit declaration of this country: a gap, not a zero. */
  readonly figures: GuaranteeFigures | null;
}

export interface GuaranteeSavingsAnswer {
  readonly period: Period;
  readonly timeZone: string;
  readonly rate: number;
  readonly rows: readonly GuaranteeSavingsRow[];
  readonly totals: GuaranteeFigures;
}

/** One (country, month) group as the statement returns it: decimals and 64-bit counts come quoted. */
export interface GuaranteeGroup {
  country: string;
  month: string;
  declarations: string;
  guarantees: string;
  cif: string;
  current: string;
  single: string;
  recorded_declarations: string;
  recorded: string | null;
}

/**
 * Declarations that carry a transit guarantee: IM8 transit and EX1 exports
 * moving under transit (formats.md: `Transit/Guarantee` is on IM8 and EX1),
 * told by their route; an EX1 without a route leaves by another way and
 * crosses no country under guarantee.
 */
const UNDER_TRANSIT_GUARANTEE = "regime IN ('IM8', 'EX1') AND route != '' AND countries_crossed > 0";

/**
 * Each national guarantor charges rate × CIF (rounded to the franc), once per
 * country on the route; the single guarantee charges it once per trip. The
 * recorded `guarantee_xof` is not used as the cost: in the feeds it is the
 * sum secured (the suspended duties and taxes, e.g. 4 224 750 on a CIF of
 * 12 900 000 in the samples), a deposit rather than what the trader pays.
 */
const GROUPS_SQL = `
SELECT
    country,
    toString(toStartOfMonth(registered_at, {tz:String})) AS month,
    count() AS declarations,
    sum(countries_crossed) AS guarantees,
    sum(cif_xof) AS cif,
    sum(per_country * countries_crossed) AS current,
    sum(per_country) AS single,
    countIf(guarantee_xof IS NOT NULL) AS recorded_declarations,
    sum(guarantee_xof) AS recorded
FROM
(
    SELECT country, registered_at, cif_xof, countries_crossed, guarantee_xof,
           round(toDecimal128(cif_xof, 2) * {rate:Decimal(18, 8)}, 0) AS per_country
    FROM fact_declarations
    WHERE registered_at >= toDateTime({from:String}, {tz:String})
      AND registered_at < toDateTime({to:String}, {tz:String})
      AND ${UNDER_TRANSIT_GUARANTEE}
      AND (empty({countries:Array(String)}) OR has({countries:Array(String)}, toString(country)))
)
GROUP BY country, month
ORDER BY country, month`;

/** Reads the (country, month) groups; inputs are expected checked, and travel as bound parameters only. */
export function readGuaranteeGroups(warehouse: Warehouse, request: GuaranteeSavingsRequest, limits: StatementLimits = {}): Promise<GuaranteeGroup[]> {
  return warehouse.query<GuaranteeGroup>({
    sql: GROUPS_SQL,
    params: { from: request.period.from, to: request.period.to, tz: request.timeZone, rate: rateText(request.rate), countries: [...request.countries] },
    tag: "api:policy:guarantee-savings",
    // Countries × months of at most twenty years: far below this.
    ...limited(limits, 100_000),
  });
}

/** The rate as an exact decimal: a Float64 such as 0.003 would reach the engine as 0.00299999…. */
function rateText(rate: number): string {
  return rate.toFixed(8);
}

export function checkGuaranteeRate(rate: number): void {
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_GUARANTEE_RATE || Number(rateText(rate)) === 0) {
    throw new MetricQueryError(`taux de garantie : strictement positif et au plus ${MAX_GUARANTEE_RATE} (fraction du CAF, 0.0025 = 0,25 %) / guarantee rate: above 0 and at most ${MAX_GUARANTEE_RATE} (fraction of CIF, 0.0025 = 0.25 %)`);
  }
}

function figuresOf(group: GuaranteeGroup): GuaranteeFigures {
  const current = francs(group.current);
  const single = francs(group.single);
  return {
    declarations: Number(group.declarations),
    guarantees: Number(group.guarantees),
    cifXof: francs(group.cif),
    currentGuaranteesXof: current,
    singleGuaranteeXof: single,
    savingXof: current - single,
    savingShare: share(current - single, current),
    recordedDeclarations: Number(group.recorded_declarations),
    recordedGuaranteeXof: francsOrNull(group.recorded),
  };
}

function add(a: GuaranteeFigures, b: GuaranteeFigures): GuaranteeFigures {
  const current = a.currentGuaranteesXof + b.currentGuaranteesXof;
  const saving = a.savingXof + b.savingXof;
  const recorded = a.recordedGuaranteeXof === null ? b.recordedGuaranteeXof : b.recordedGuaranteeXof === null ? a.recordedGuaranteeXof : a.recordedGuaranteeXof + b.recordedGuaranteeXof;
  return {
    declarations: a.declarations + b.declarations,
    guarantees: a.guarantees + b.guarantees,
    cifXof: a.cifXof + b.cifXof,
    currentGuaranteesXof: current,
    singleGuaranteeXof: a.singleGuaranteeXof + b.singleGuaranteeXof,
    savingXof: saving,
    savingShare: share(saving, current),
    recordedDeclarations: a.recordedDeclarations + b.recordedDeclarations,
    recordedGuaranteeXof: recorded,
  };
}

const NOTHING: GuaranteeFigures = { declarations: 0, guarantees: 0, cifXof: 0, currentGuaranteesXof: 0, singleGuaranteeXof: 0, savingXof: 0, savingShare: null, recordedDeclarations: 0, recordedGuaranteeXof: null };

/**
 * What transit guarantees cost traders today (one per country crossed)
 * against one guarantee for the whole trip, by country and month of
 * registration. Every country that appears gets every month of the period;
 * a month without declarations is a gap (null), so charts show it as one.
 */
export async function guaranteeSavings(warehouse: Warehouse, request: GuaranteeSavingsRequest, limits: StatementLimits = {}): Promise<GuaranteeSavingsAnswer> {
  checkPeriod(request.period, request.timeZone);
  checkGuaranteeRate(request.rate);
  const countries = checkCountries(request.countries);
  const groups = await readGuaranteeGroups(warehouse, { ...request, countries }, limits);
  const byKey = new Map(groups.map((g) => [`${g.country}|${g.month}`, figuresOf(g)]));
  const months = bucketsOf("MONTH", request.period);
  const seen = [...new Set(groups.map((g) => g.country))].sort();
  const rows = seen.flatMap((country) => months.map((month) => ({ country, month, figures: byKey.get(`${country}|${month}`) ?? null })));
  const totals = [...byKey.values()].reduce(add, NOTHING);
  return { period: request.period, timeZone: request.timeZone, rate: request.rate, rows, totals };
}
