import type { Warehouse, WarehouseInfo } from "@corridor/warehouse";

export interface LoadRow {
  load_id: string;
  source: string;
  file_name: string;
  file_size: string;
  feed: string;
  status: "running" | "loaded" | "quarantined" | "failed" | "interrupted";
  records_read: string;
  records_loaded: string;
  records_quarantined: string;
  records_duplicates: string;
  last_event_at: string | null;
  started_at: string;
  finished_at: string | null;
  error: string;
}

export interface FeedTotalsRow {
  feed: string;
  loads: string;
  records_loaded: string;
  records_quarantined: string;
  last_event_at: string | null;
  last_load_at: string | null;
}

export interface EngineRow {
  version: string;
  schema_version: number;
}

/** Loads, freshness and the engine's own state. */
export class PlatformQueries {
  constructor(private readonly warehouse: Warehouse) {}

  get info(): WarehouseInfo {
    return this.warehouse.info;
  }

  engine(): Promise<EngineRow[]> {
    return this.warehouse.query({ sql: "SELECT version() AS version, (SELECT toUInt32(max(version)) FROM schema_migrations) AS schema_version", tag: "api:platform:engine" });
  }

  recentLoads(limit: number): Promise<LoadRow[]> {
    return this.warehouse.query({
      sql: `SELECT load_id, source, file_name, toString(file_size) AS file_size, feed, toString(status) AS status,
                   records_read, records_loaded, records_quarantined, records_duplicates, last_event_at, started_at, finished_at, error
            FROM load_log FINAL ORDER BY started_at DESC, seq DESC LIMIT {limit:UInt32}`,
      params: { limit },
      tag: "api:platform:loads",
    });
  }

  /** Per feed: the latest event among loaded records (data freshness) and the load counts. */
  feedTotals(): Promise<FeedTotalsRow[]> {
    return this.warehouse.query({
      sql: `SELECT feed, toString(count()) AS loads, toString(sum(records_loaded)) AS records_loaded, toString(sum(records_quarantined)) AS records_quarantined,
                   maxOrNull(last_event_at) AS last_event_at, maxOrNull(finished_at) AS last_load_at
            FROM load_log FINAL WHERE status IN ('loaded', 'quarantined') AND feed != '' GROUP BY feed`,
      tag: "api:platform:feed-totals",
    });
  }
}
