/**
 * Shapes the API's rows for charts: pure functions, tested in web/test.
 * A gap (null) stays null, so a line breaks there instead of dropping to 0.
 */

export interface MetricRowLike {
  readonly bucket: string | null;
  readonly dimensions: readonly { readonly value: string; readonly labelFr: string | null; readonly labelEn: string | null }[];
  readonly cells: readonly { readonly value: number | null }[];
}

export interface SeriesKey {
  readonly key: string;
  readonly label: string;
}

export type WideRow = { bucket: string } & Record<string, number | null | string>;

/** A dimension value as a reader sees it: its label in the language, else its code ("—" for none). */
export const labelOf = (d: MetricRowLike["dimensions"][number], language: "fr" | "en") => (language === "fr" ? d.labelFr : d.labelEn) ?? (d.value === "" ? "—" : d.value);

/** Rows split by one dimension and bucketed in time → one record per bucket with a column per dimension value (cell `cellIndex`). */
export function pivotByDimension(rows: readonly MetricRowLike[], cellIndex: number, language: "fr" | "en"): { data: WideRow[]; series: SeriesKey[] } {
  const buckets = new Map<string, WideRow>();
  const series = new Map<string, string>();
  for (const row of rows) {
    const bucket = row.bucket ?? "";
    const dimension = row.dimensions[0];
    const key = dimension ? `v_${dimension.value || "none"}` : "value";
    if (!series.has(key)) series.set(key, dimension ? labelOf(dimension, language) : "");
    const record = buckets.get(bucket) ?? ({ bucket } as WideRow);
    record[key] = row.cells[cellIndex]?.value ?? null;
    buckets.set(bucket, record);
  }
  const data = [...buckets.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
  // Every record has every series: a missing one is a gap.
  for (const record of data) for (const key of series.keys()) if (!(key in record)) record[key] = null;
  return { data, series: [...series].map(([key, label]) => ({ key, label })) };
}

/** The sum of a series over the period (volumes that add up: TEU, calls); null when every bucket is a gap. */
export function seriesTotal(data: readonly WideRow[], key: string): number | null {
  let total: number | null = null;
  for (const record of data) {
    const value = record[key];
    if (typeof value === "number") total = (total ?? 0) + value;
  }
  return total;
}

/** Each series of a pivot summed over its buckets (see seriesTotal), for additive measures only. */
export function seriesTotals(pivot: { data: readonly WideRow[]; series: readonly SeriesKey[] }): { key: string; label: string; total: number | null }[] {
  return pivot.series.map(({ key, label }) => ({ key, label, total: seriesTotal(pivot.data, key) }));
}

/** Rows split by one dimension, no time → one record per dimension value with a column per cell. */
export function byDimension(rows: readonly MetricRowLike[], cellKeys: readonly string[], language: "fr" | "en"): ({ key: string; label: string } & Record<string, number | null | string>)[] {
  return rows.map((row) => {
    const d = row.dimensions[0];
    const record: { key: string; label: string } & Record<string, number | null | string> = { key: d?.value ?? "", label: d ? labelOf(d, language) : "" };
    cellKeys.forEach((k, i) => (record[k] = row.cells[i]?.value ?? null));
    return record;
  });
}

/** True when no cell holds a value: the chart shows its empty state instead of empty axes. */
export function allGaps(rows: readonly MetricRowLike[]): boolean {
  return rows.every((row) => row.cells.every((c) => c.value === null));
}
