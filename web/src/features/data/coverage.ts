/**
 * Which time buckets of the period hold data, feed by feed: each feed is
 * seen through one measure dated by that feed's own events. Pure, tested in
 * web/test/data-coverage.test.ts.
 */
import type { Measure } from "../../gql/graphql";

export type FeedName = "VESSEL_CALLS" | "CONTAINER_EVENTS" | "CUSTOMS_DECLARATIONS" | "TRANSIT_MOVEMENTS" | "PORT_INVOICES";

/** The measure that shows each feed arriving: calls by arrival, TEU by quay move, declarations by registration, trucks by arrival, charges by invoice date. */
export const COVERAGE_MEASURES: readonly { readonly feed: FeedName; readonly measure: Measure }[] = [
  { feed: "VESSEL_CALLS", measure: "SHIP_CALLS" },
  { feed: "CONTAINER_EVENTS", measure: "TEU_HANDLED" },
  { feed: "CUSTOMS_DECLARATIONS", measure: "DECLARATIONS" },
  { feed: "TRANSIT_MOVEMENTS", measure: "TRUCKS" },
  { feed: "PORT_INVOICES", measure: "PORT_CHARGES" },
];

export interface CoverageInputRow {
  readonly bucket: string | null;
  readonly cells: readonly { readonly measure: string; readonly unit: string; readonly value: number | null }[];
}

export interface CoverageLine {
  readonly feed: FeedName;
  readonly measure: Measure;
  readonly unit: string;
  /** One value per bucket, in bucket order; null is a gap. */
  readonly values: readonly (number | null)[];
  /** Buckets that hold a value. */
  readonly covered: number;
  /** The sum over the period; null when every bucket is a gap. */
  readonly total: number | null;
  /** The longest run of buckets without data: its first and last bucket and its length. */
  readonly longestGap: { readonly from: string; readonly to: string; readonly buckets: number } | null;
}

export interface Coverage {
  readonly buckets: readonly string[];
  readonly lines: readonly CoverageLine[];
}

/** The rows of one metrics answer (every bucket, one cell per measure) → one line per feed. */
export function coverageOf(rows: readonly CoverageInputRow[], measures: readonly { feed: FeedName; measure: Measure }[] = COVERAGE_MEASURES): Coverage {
  const sorted = rows.filter((r): r is CoverageInputRow & { bucket: string } => r.bucket !== null).sort((a, b) => a.bucket.localeCompare(b.bucket));
  const buckets = sorted.map((r) => r.bucket);
  const lines = measures.map(({ feed, measure }) => {
    let unit = "";
    const values = sorted.map((row) => {
      const cell = row.cells.find((c) => c.measure === measure);
      if (cell && !unit) unit = cell.unit;
      return cell?.value ?? null;
    });
    let covered = 0;
    let total: number | null = null;
    let longestGap: CoverageLine["longestGap"] = null;
    let gapStart = -1;
    const closeGap = (end: number) => {
      const length = end - gapStart;
      if (gapStart >= 0 && length > 0 && (longestGap === null || length > longestGap.buckets)) longestGap = { from: buckets[gapStart] as string, to: buckets[end - 1] as string, buckets: length };
      gapStart = -1;
    };
    values.forEach((value, i) => {
      if (value === null) {
        if (gapStart < 0) gapStart = i;
        return;
      }
      closeGap(i);
      covered += 1;
      total = (total ?? 0) + value;
    });
    closeGap(values.length);
    return { feed, measure, unit, values, covered, total, longestGap };
  });
  return { buckets, lines };
}
