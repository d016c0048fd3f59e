import { labelOf, type MetricRowLike as RowLike, type WideRow } from "../../charts/series";
import type { Language } from "../../i18n/format";

/**
 * Shapes the port page's answers for its charts and tables. Pure: tested in
 * web/test/port-shape.test.ts. A gap (null) stays null: a line breaks there.
 */

/** Rows bucketed in time without a split → one record per bucket, the cells named by `keys` (waiting P50, waiting P90…). */
export function cellsOverTime(rows: readonly RowLike[], keys: readonly string[]): WideRow[] {
  return rows
    .map((row) => {
      const record: WideRow = { bucket: row.bucket ?? "" };
      keys.forEach((key, i) => (record[key] = row.cells[i]?.value ?? null));
      return record;
    })
    .sort((a, b) => a.bucket.localeCompare(b.bucket));
}

/**
 * Rows bucketed in time and split by one or more dimensions (move × trade) →
 * one record per bucket with a column per combination, named "Débarquement ·
 * Import". Combinations absent from a bucket are gaps.
 */
export function pivotByDimensions(rows: readonly RowLike[], cellIndex: number, language: Language): { data: WideRow[]; series: { key: string; label: string }[] } {
  const buckets = new Map<string, WideRow>();
  const series = new Map<string, string>();
  for (const row of rows) {
    const key = `v_${row.dimensions.map((d) => d.value || "none").join("_")}`;
    if (!series.has(key)) series.set(key, row.dimensions.map((d) => labelOf(d, language)).join(" · "));
    const bucket = row.bucket ?? "";
    const record = buckets.get(bucket) ?? ({ bucket } as WideRow);
    record[key] = row.cells[cellIndex]?.value ?? null;
    buckets.set(bucket, record);
  }
  const data = [...buckets.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
  for (const record of data) for (const key of series.keys()) if (!(key in record)) record[key] = null;
  return { data, series: [...series].map(([key, label]) => ({ key, label })) };
}

export interface LadderRow {
  readonly key: string;
  readonly label: string;
  readonly count: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  /** Stacked segments: 0 → P50, P50 → P90, P90 → P95 (each ≥ 0; null when a percentile is a gap). */
  readonly toP50: number | null;
  readonly toP90: number | null;
  readonly toP95: number | null;
  [key: string]: number | string | null;
}

/**
 * The percentile ladder of port dwell — the whole port first, then each
 * terminal — as stacked segments: a bar runs to P50, then on to P90, then to
 * P95, so its length is P95 and its last parts show how long the slow tail
 * is. Cells in the order COUNT, P50, P90, P95.
 */
export function dwellLadder(whole: RowLike | null, terminals: readonly RowLike[], wholeLabel: string, language: Language): LadderRow[] {
  const rung = (key: string, label: string, row: RowLike): LadderRow => {
    const [count, p50, p90, p95] = [0, 1, 2, 3].map((i) => row.cells[i]?.value ?? null) as [number | null, number | null, number | null, number | null];
    const step = (high: number | null, low: number | null) => (high === null || low === null ? null : Math.max(0, high - low));
    return { key, label, count, p50, p90, p95, toP50: p50, toP90: step(p90, p50), toP95: step(p95, p90) };
  };
  const rows: LadderRow[] = [];
  if (whole && whole.cells.some((c) => c.value !== null)) rows.push(rung("", wholeLabel, whole));
  for (const row of terminals) {
    const d = row.dimensions[0];
    if (d && row.cells.some((c) => c.value !== null)) rows.push(rung(d.value, labelOf(d, language), row));
  }
  return rows;
}

export interface TerminalFigures {
  readonly key: string;
  readonly label: string;
  readonly calls: number | null;
  readonly waitP50: number | null;
  readonly waitP90: number | null;
  readonly waitReliability: number | null;
  readonly turnP50: number | null;
  readonly turnP90: number | null;
  readonly turnReliability: number | null;
  readonly teu: number | null;
  [key: string]: number | string | null;
}

/** The order of the cells of the terminal query: see TERMINAL_MEASURES in PortPage. */
export const TERMINAL_CELLS = ["calls", "waitP50", "waitP90", "waitReliability", "turnP50", "turnP90", "turnReliability", "teu"] as const;

/** One row per terminal, with every figure of the terminal query; terminals with no figure at all are left out. */
export function terminalFigures(rows: readonly RowLike[], language: Language): TerminalFigures[] {
  return rows
    .filter((row) => row.cells.some((c) => c.value !== null))
    .map((row) => {
      const d = row.dimensions[0];
      const record: Record<string, number | string | null> = { key: d?.value ?? "", label: d ? labelOf(d, language) : "" };
      TERMINAL_CELLS.forEach((name, i) => (record[name] = row.cells[i]?.value ?? null));
      return record as TerminalFigures;
    });
}
