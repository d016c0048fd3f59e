import { labelOf } from "../../charts/series";
import { formatDecimal, type Language } from "../../i18n/format";

/**
 * Shapes the revenue page's answers for its charts and tables. Pure: tested
 * in web/test/revenue-shape.test.ts. Sums here only add the API's own figures
 * (months of one country); a gap stays a gap.
 */

const ORDER = ["BF", "ML", "NE", "TG", "ZZ", ""];

/** AES countries first (BF, ML, NE), then Togo, others (ZZ) and unallocated, then anything else alphabetically. */
export function compareCountries(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? ORDER.length : ia) - (ib === -1 ? ORDER.length : ib);
  return a.localeCompare(b);
}

/** A share (0.5) as a reader writes it: `50,0 %` / `50.0 %`. */
export function formatShare(fraction: number | null, language: Language): string {
  if (fraction === null || !Number.isFinite(fraction)) return "—";
  return `${formatDecimal(fraction * 100, language, 1)}\u00A0%`;
}

/** A rate in % as the form and the headings show it: 12.5 → `12,5 %`; whole rates without decimals. */
export function formatRate(percent: number, language: Language): string {
  const digits = Number.isInteger(percent) ? 0 : Number.isInteger(percent * 10) ? 1 : 2;
  return `${formatDecimal(percent, language, digits)}\u00A0%`;
}

const add = (a: number | null, b: number | null): number | null => (b === null ? a : (a ?? 0) + b);

export interface GuaranteeRowLike {
  readonly country: string;
  readonly month: string;
  readonly declarations: number | null;
  readonly guarantees: number | null;
  readonly cifXof: number | null;
  readonly currentGuaranteesXof: number | null;
  readonly singleGuaranteeXof: number | null;
  readonly savingXof: number | null;
}

export interface GuaranteeByCountry {
  readonly key: string;
  readonly label: string;
  declarations: number | null;
  current: number | null;
  single: number | null;
  saving: number | null;
  [series: string]: number | string | null;
}

/** The months of each country added up, for the chart (a country with only gaps keeps nulls). */
export function guaranteeByCountry(rows: readonly GuaranteeRowLike[], nameOf: (code: string) => string): GuaranteeByCountry[] {
  const out = new Map<string, GuaranteeByCountry>();
  for (const row of rows) {
    const entry = out.get(row.country) ?? { key: row.country, label: nameOf(row.country), declarations: null, current: null, single: null, saving: null };
    entry.declarations = add(entry.declarations, row.declarations);
    entry.current = add(entry.current, row.currentGuaranteesXof);
    entry.single = add(entry.single, row.singleGuaranteeXof);
    entry.saving = add(entry.saving, row.savingXof);
    out.set(row.country, entry);
  }
  return [...out.values()].sort((a, b) => compareCountries(a.key, b.key));
}

/** The table's rows: country, then month; months without declarations stay (as gaps) so a reader sees them. */
export function guaranteeTableRows<T extends GuaranteeRowLike>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareCountries(a.country, b.country) || a.month.localeCompare(b.month));
}

export interface ScenarioRowLike {
  readonly country: string;
  readonly hsChapter: string;
  readonly currentDutyXof: number;
  readonly scenarioDutyXof: number;
  readonly dutyChangeXof: number;
  readonly vatEffectXof: number;
  readonly totalChangeXof: number;
}

/** Scenario rows by country, then chapter. */
export function scenarioTableRows<T extends ScenarioRowLike>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareCountries(a.country, b.country) || a.hsChapter.localeCompare(b.hsChapter));
}

export interface ScenarioByCountry {
  readonly key: string;
  readonly label: string;
  current: number;
  scenario: number;
  dutyChange: number;
  vatEffect: number;
  totalChange: number;
  [series: string]: number | string;
}

/** The chapters of each country added up, for the chart. */
export function scenarioByCountry(rows: readonly ScenarioRowLike[], nameOf: (code: string) => string): ScenarioByCountry[] {
  const out = new Map<string, ScenarioByCountry>();
  for (const row of rows) {
    const entry = out.get(row.country) ?? { key: row.country, label: nameOf(row.country), current: 0, scenario: 0, dutyChange: 0, vatEffect: 0, totalChange: 0 };
    entry.current += row.currentDutyXof;
    entry.scenario += row.scenarioDutyXof;
    entry.dutyChange += row.dutyChangeXof;
    entry.vatEffect += row.vatEffectXof;
    entry.totalChange += row.totalChangeXof;
    out.set(row.country, entry);
  }
  return [...out.values()].sort((a, b) => compareCountries(a.key, b.key));
}

export interface CrossRowLike {
  readonly dimensions: readonly { readonly value: string; readonly labelFr: string | null; readonly labelEn: string | null }[];
  readonly cells: readonly { readonly value: number | null }[];
}

/**
 * Rows split by two dimensions (fee code × country) → one record per value of
 * the first, with a column per value of the second: bars per fee code, one
 * per country. Categories keep the API's order; series are ordered as countries.
 */
export function crossTab(rows: readonly CrossRowLike[], language: Language): { data: ({ key: string; label: string } & Record<string, number | string | null>)[]; series: { key: string; label: string }[] } {
  const label = (d: CrossRowLike["dimensions"][number]) => labelOf(d, language);
  const categories = new Map<string, { key: string; label: string } & Record<string, number | string | null>>();
  const series = new Map<string, { code: string; label: string }>();
  for (const row of rows) {
    const [first, second] = row.dimensions;
    if (!first || !second) continue;
    const key = `v_${second.value || "none"}`;
    if (!series.has(key)) series.set(key, { code: second.value, label: label(second) });
    const record = categories.get(first.value) ?? { key: first.value, label: label(first) };
    record[key] = row.cells[0]?.value ?? null;
    categories.set(first.value, record);
  }
  const ordered = [...series].sort((a, b) => compareCountries(a[1].code, b[1].code));
  const data = [...categories.values()];
  for (const record of data) for (const [key] of ordered) if (!(key in record)) record[key] = null;
  return { data, series: ordered.map(([key, s]) => ({ key, label: s.label })) };
}
