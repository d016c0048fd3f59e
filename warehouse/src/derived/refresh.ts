import type { FeedId } from "../feeds.js";
import type { Logger } from "../logger.js";
import type { Warehouse } from "../warehouse.js";
import { borderCrossings } from "./border-crossings.js";
import { customsRevenue } from "./customs-revenue.js";
import { declarations } from "./declarations.js";
import type { DerivedFact } from "./derived-fact.js";
import { monthPartition } from "./layout.js";
import { portCharges } from "./port-charges.js";
import { portDwell } from "./port-dwell.js";
import { releases } from "./releases.js";
import { swapMonths, truncateStages } from "./refresh-partitions.js";
import { shipCalls } from "./ship-calls.js";
import { journeys } from "./journeys.js";
import { portMoves } from "./port-moves.js";
import { transits } from "./transits.js";

/** Every derived table of the warehouse, in refresh order (each builds from the feeds only). */
export const DERIVED_FACTS: readonly DerivedFact[] = [shipCalls, portDwell, portMoves, declarations, releases, customsRevenue, portCharges, transits, borderCrossings, journeys];

/** Months are rebuilt in batches: one statement per batch keeps each insert's partitions bounded. */
const MONTHS_PER_BATCH = 12;

export interface RefreshResult {
  readonly months: readonly number[];
  readonly ms: number;
}

/**
 * Rebuilds the derived tables built from `feeds` (all of them when omitted)
 * for the given months (YYYYMM) from the deduplicated feeds, and swaps each
 * month in atomically. Refreshes share the staging tables, so they must not
 * run concurrently: the loader serialises them.
 */
export async function refreshDerived(warehouse: Warehouse, months: Iterable<number>, logger: Logger, feeds?: Iterable<FeedId>): Promise<RefreshResult> {
  const started = performance.now();
  const sources = feeds === undefined ? null : new Set(feeds);
  const facts = DERIVED_FACTS.filter((fact) => sources === null || fact.sources.some((feed) => sources.has(feed)));
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  sorted.forEach(monthPartition); // refuses anything that is not a YYYYMM month before any SQL runs
  for (let i = 0; i < sorted.length; i += MONTHS_PER_BATCH) {
    const batch = sorted.slice(i, i + MONTHS_PER_BATCH);
    for (const fact of facts) {
      const tag = `derived:${fact.name}`;
      await truncateStages(warehouse, fact.tables, tag);
      for (const sql of fact.build) {
        await warehouse.command({ sql, params: { months: batch }, tag: `${tag}:build`, timeoutMs: 600_000 });
      }
      await swapMonths(warehouse, fact.tables, batch, tag);
    }
  }
  const ms = Math.round(performance.now() - started);
  if (sorted.length > 0 && facts.length > 0) logger.info({ months: sorted.length, from: sorted[0], to: sorted.at(-1), tables: facts.map((f) => f.name), ms }, "derived tables refreshed");
  return { months: sorted, ms };
}

/** Every month that holds data in any feed: for a full rebuild (`etl refresh --all`). */
export async function monthsWithData(warehouse: Warehouse): Promise<number[]> {
  const rows = await warehouse.query<{ m: number }>({
    sql: `SELECT DISTINCT m FROM (
            SELECT toYYYYMM(arrived_at) AS m FROM vessel_calls
            UNION ALL SELECT toYYYYMM(event_at) FROM container_events
            UNION ALL SELECT toYYYYMM(registered_at) FROM customs_declarations
            UNION ALL SELECT toYYYYMM(assumeNotNull(receipt_at)) FROM customs_declarations WHERE receipt_at IS NOT NULL
            UNION ALL SELECT toYYYYMM(assumeNotNull(released_at)) FROM customs_declarations WHERE released_at IS NOT NULL
            UNION ALL SELECT toYYYYMM(at) FROM transit_events
            UNION ALL SELECT toYYYYMM(issued_at) FROM port_invoices
          ) ORDER BY m`,
    tag: "derived:months-with-data",
  });
  return rows.map((r) => r.m);
}
