import type { Warehouse } from "@corridor/warehouse";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";

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

/** The latest loads and their counters. */
export async function recentLoads(warehouse: Warehouse, limit: number): Promise<LoadSummary[]> {
  const rows = await warehouse.query<{ file_name: string; feed: string; status: string; records_read: string; records_loaded: string; records_quarantined: string; records_duplicates: string; started_at: string }>({
    sql: `SELECT file_name, feed, toString(status) AS status, records_read, records_loaded, records_quarantined, records_duplicates, started_at
          FROM load_log FINAL ORDER BY started_at DESC, seq DESC LIMIT {limit:UInt32}`,
    params: { limit },
    tag: "etl:status",
  });
  return rows.map((r) => ({ fileName: r.file_name, feed: r.feed || null, status: r.status, read: Number(r.records_read), loaded: Number(r.records_loaded), quarantined: Number(r.records_quarantined), duplicates: Number(r.records_duplicates), startedAt: r.started_at }));
}

/** `etl status [--limit N] [--json]`. */
export async function statusCommand(warehouse: Warehouse, args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { limit: { type: "string", default: "20" }, json: { type: "boolean", default: false } }, strict: true });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit: un entier de 1 à 1000 / an integer from 1 to 1000");
  const loads = await recentLoads(warehouse, limit);
  io.out.write(values.json ? `${JSON.stringify({ loads }, null, 2)}\n` : formatLoads(loads));
  return EXIT.ok;
}

export function formatLoads(loads: readonly LoadSummary[]): string {
  if (loads.length === 0) return "Aucun chargement pour l'instant. / No load yet.\n";
  const header = ["started (UTC)", "feed", "status", "read", "loaded", "quarantined", "duplicates", "file"];
  const rows = loads.map((l) => [l.startedAt.slice(0, 19).replace("T", " "), l.feed ?? "-", l.status, String(l.read), String(l.loaded), String(l.quarantined), String(l.duplicates), l.fileName]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}
