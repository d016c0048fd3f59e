import type { Warehouse } from "@corridor/warehouse";
import { serverQuery, type EngineAccess } from "../engine-access.js";

export interface LoadSummary {
  readonly fileName: string;
  readonly feed: string | null;
  readonly status: string;
  readonly read: number;
  readonly loaded: number;
  readonly quarantined: number;
  readonly duplicates: number;
  readonly startedAt: string;
}

const FEED_BY_ENUM: Readonly<Record<string, string>> = {
  VESSEL_CALLS: "vessel-calls",
  CONTAINER_EVENTS: "container-events",
  CUSTOMS_DECLARATIONS: "customs-declarations",
  TRANSIT_MOVEMENTS: "transit-movements",
  PORT_INVOICES: "port-invoices",
};

async function fromWarehouse(warehouse: Warehouse, limit: number): Promise<LoadSummary[]> {
  const rows = await warehouse.query<{ file_name: string; feed: string; status: string; records_read: string; records_loaded: string; records_quarantined: string; records_duplicates: string; started_at: string }>({
    sql: `SELECT file_name, feed, toString(status) AS status, records_read, records_loaded, records_quarantined, records_duplicates, started_at
          FROM load_log FINAL ORDER BY started_at DESC, seq DESC LIMIT {limit:UInt32}`,
    params: { limit },
    tag: "etl:status",
  });
  return rows.map((r) => ({ fileName: r.file_name, feed: r.feed || null, status: r.status, read: Number(r.records_read), loaded: Number(r.records_loaded), quarantined: Number(r.records_quarantined), duplicates: Number(r.records_duplicates), startedAt: r.started_at }));
}

async function fromServer(url: string, limit: number): Promise<LoadSummary[]> {
  const data = await serverQuery<{ loads: (Omit<LoadSummary, "feed" | "status"> & { feed: string | null; status: string })[] }>(
    url,
    "query Loads($limit: Int!) { loads(limit: $limit) { fileName feed status read loaded quarantined duplicates startedAt } }",
    { limit },
  );
  return data.loads.map((l) => ({ ...l, feed: l.feed === null ? null : (FEED_BY_ENUM[l.feed] ?? l.feed), status: l.status.toLowerCase() }));
}

/** `etl status`: the latest loads and their counters, read directly or through the running server. */
export async function recentLoads(access: EngineAccess, limit: number): Promise<LoadSummary[]> {
  return access.kind === "server" ? fromServer(access.url, limit) : fromWarehouse(access.warehouse, limit);
}

export function formatLoads(loads: readonly LoadSummary[]): string {
  if (loads.length === 0) return "Aucun chargement pour l'instant. / No load yet.\n";
  const header = ["started (UTC)", "feed", "status", "read", "loaded", "quarantined", "duplicates", "file"];
  const rows = loads.map((l) => [l.startedAt.slice(0, 19).replace("T", " "), l.feed ?? "-", l.status, String(l.read), String(l.loaded), String(l.quarantined), String(l.duplicates), l.fileName]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}
