import os from "node:os";
import type { FeedId, Warehouse } from "@corridor/warehouse";
import { formatUtcMs } from "../core/local-time.js";

export type LoadStatus = "running" | "loaded" | "quarantined" | "failed" | "interrupted";
export type LoadSource = "cli" | "inbox" | "upload" | "demo" | "test";

export interface Counters {
  read: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
}

/** One load_log row; written at start (running) and again at the end. */
export interface LoadEntry {
  readonly loadId: string;
  readonly seq: number;
  readonly source: LoadSource;
  readonly fileName: string;
  readonly filePath: string;
  readonly fileSize: number;
  readonly sha256: string;
  feed: FeedId | null;
  status: LoadStatus;
  readonly counters: Counters;
  firstEventAt: string | null;
  lastEventAt: string | null;
  readonly startedAt: number;
  finishedAt: number | null;
  error: string;
  readonly loadedBy: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function writeLoadEntry(warehouse: Warehouse, entry: LoadEntry): Promise<void> {
  await writeLoadEntries(warehouse, [entry]);
}

/** Several load-log rows in one statement (a batch's start rows, its end rows). */
export async function writeLoadEntries(warehouse: Warehouse, entries: readonly LoadEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await warehouse.insert(
    "load_log",
    entries.map((entry) => (
      {
        load_id: entry.loadId,
        seq: entry.seq,
        source: entry.source,
        file_name: entry.fileName,
        file_path: entry.filePath,
        file_size: entry.fileSize,
        file_sha256: entry.sha256,
        feed: entry.feed ?? "",
        status: entry.status,
        records_read: entry.counters.read,
        records_loaded: entry.counters.loaded,
        records_quarantined: entry.counters.quarantined,
        records_duplicates: entry.counters.duplicates,
        first_event_at: entry.firstEventAt,
        last_event_at: entry.lastEventAt,
        started_at: formatUtcMs(entry.startedAt),
        finished_at: entry.finishedAt === null ? null : formatUtcMs(entry.finishedAt),
        error: entry.error.slice(0, 4000),
        loaded_by: entry.loadedBy,
        host: os.hostname(),
        pid: process.pid,
        // Strictly increasing per process, so the end row always replaces the start row.
        updated_at: formatUtcMs(Math.max(Date.now(), entry.startedAt + (entry.status === "running" ? 0 : 1))),
      })),
    { tag: "etl:load-log" },
  );
}

/** The next delivery sequence number. Loads run one at a time per warehouse (the loader queue). */
export async function nextSeq(warehouse: Warehouse): Promise<number> {
  const [row] = await warehouse.query<{ seq: string }>({ sql: "SELECT toString(max(seq) + 1) AS seq FROM load_log", tag: "etl:next-seq" });
  return Number(row?.seq ?? "1");
}

export interface ResumableLoad {
  readonly loadId: string;
  readonly seq: number;
  readonly startedAt: number;
}

/**
 * A load of the same file (same content hash) that did not finish because its
 * process died: it is resumed under the same load_id and sequence, so the
 * records it wrote count as its own and the counters equal a clean load's.
 */
export async function findResumable(warehouse: Warehouse, sha256s: readonly string[]): Promise<Map<string, ResumableLoad>> {
  const found = new Map<string, ResumableLoad>();
  if (sha256s.length === 0) return found;
  const rows = await warehouse.query<{ load_id: string; sha: string; seq: string; status: string; host: string; pid: number; started_at: string }>({
    sql: `SELECT load_id, toString(file_sha256) AS sha, toString(seq) AS seq, toString(status) AS status, host, pid, started_at FROM load_log FINAL
          WHERE file_sha256 IN {shas:Array(FixedString(64))} AND status IN ('running', 'interrupted') ORDER BY seq DESC`,
    params: { shas: [...new Set(sha256s)] },
    tag: "etl:resumable",
  });
  for (const row of rows) {
    const dead = row.status === "interrupted" || (row.host === os.hostname() && !isAlive(row.pid));
    if (dead && !found.has(row.sha)) found.set(row.sha, { loadId: row.load_id, seq: Number(row.seq), startedAt: Date.parse(row.started_at) });
  }
  return found;
}

/** Marks as interrupted the running loads of processes on this host that died; run at start. */
export async function markInterruptedLoads(warehouse: Warehouse): Promise<number> {
  const rows = await warehouse.query<Record<string, unknown> & { pid: number; host: string }>({
    sql: "SELECT * EXCEPT (updated_at) FROM load_log FINAL WHERE status = 'running'",
    tag: "etl:running-loads",
  });
  const dead = rows.filter((row) => row.host === os.hostname() && row.pid !== process.pid && !isAlive(row.pid));
  if (dead.length === 0) return 0;
  await warehouse.insert(
    "load_log",
    dead.map((row) => ({ ...row, status: "interrupted", updated_at: formatUtcMs(Date.now()) })),
    { tag: "etl:mark-interrupted" },
  );
  return dead.length;
}
