export type TransitEvent = "DEPARTED" | "ARRIVED" | "RELEASED" | "COMPLETED" | "CANCELLED";

/** One transit event as stored in `transit_events` (migration 0007). */
export interface TransitEventRow {
  readonly [column: string]: string | number | null | readonly string[];
  readonly movement: string;
  readonly event: TransitEvent;
  readonly office: string;
  readonly office_country: string;
  /** UTC `YYYY-MM-DD HH:MM:SS`: local to the office unless written with an offset. */
  readonly at: string;
  /** UTC `YYYY-MM-DD HH:MM:SS.mmm`, or null when the line has none. */
  readonly recorded_at: string | null;
  readonly declaration: string;
  /** As written on the line; "" when absent (only DEPARTED must carry it). */
  readonly route: string;
  readonly truck: string;
  readonly containers: readonly string[];
  readonly gross_kg: string | null;
  readonly escort: number | null;
}
