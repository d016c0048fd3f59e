import fs from "node:fs";
import path from "node:path";
import { refreshDerived, type FeedId } from "@corridor/warehouse";
import { writeLoadEntries, type Counters, type LoadStatus } from "./load-log.js";
import { BatchWriter } from "./batch-writer.js";
import { loadFile, prepareLoads, type FileLoad, type LoadOptions } from "./load-file.js";

/** One file of a batch, as `etl load --json` and the load log report it. */
export interface FileSummary {
  readonly path: string;
  readonly feed: FeedId | null;
  readonly read: number;
  readonly loaded: number;
  readonly quarantined: number;
  readonly duplicates: number;
  readonly status: LoadStatus;
  readonly error?: string;
}

export interface BatchSummary {
  readonly files: readonly FileSummary[];
  readonly totals: Counters & { readonly files: number; readonly failed: number };
  readonly refreshedMonths: readonly number[];
}

export interface BatchOptions extends LoadOptions {
  /**
   * Months after each touched month that are rebuilt too: a record can change
   * facts dated later (a declaration gives its country to the dwell of a
   * gate-out weeks later). Links longer than this are picked up by the next
   * refresh of that month, or `etl refresh`.
   */
  readonly refreshHorizonMonths: number;
}

/** Files given together are loaded in the order of their names (formats.md: names start with the delivery time). */
export function expandPaths(inputs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) if (!name.startsWith(".")) walk(path.join(entry, name));
    } else if (stat.isFile()) {
      files.push(entry);
    }
  };
  for (const input of inputs) walk(input);
  return files.sort((a, b) => path.basename(a).localeCompare(path.basename(b), "en") || a.localeCompare(b, "en"));
}

/** Each month with the `horizon` months after it. */
export function withHorizon(months: Iterable<number>, horizon: number): Set<number> {
  const out = new Set<number>();
  for (const month of months) {
    let year = Math.floor(month / 100);
    let m = month % 100;
    for (let i = 0; i <= horizon; i++) {
      out.add(year * 100 + m);
      m++;
      if (m > 12) {
        m = 1;
        year++;
      }
    }
  }
  return out;
}

/**
 * Loads files one after the other, then brings the derived tables up to date
 * for every month the batch touched, then records each load as finished.
 * A batch killed at any point converges when run again: unfinished loads are
 * resumed, and the months they had recorded are refreshed with the rest.
 */
export async function loadFiles(filePaths: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const { warehouse } = options;
  const loads: FileLoad[] = [];
  const writer = new BatchWriter(warehouse);
  for (const prepared of await prepareLoads(filePaths, options)) loads.push(await loadFile(prepared, options, writer));
  await writer.flush();
  const active = loads.filter((l) => l.entry.status === "running");
  const months = new Set<number>();
  for (const load of active) load.months.forEach((m) => months.add(m));
  const resumedIds = active.filter((l) => l.resumed).map((l) => l.entry.loadId);
  if (resumedIds.length > 0) {
    const rows = await warehouse.query<{ month: number }>({ sql: "SELECT DISTINCT month FROM pending_months WHERE load_id IN {ids:Array(UUID)}", params: { ids: resumedIds }, tag: "etl:pending-months" });
    for (const row of rows) months.add(Number(row.month));
  }
  const feeds = new Set(active.map((l) => l.entry.feed).filter((f): f is FeedId => f !== null));
  const refreshed = months.size > 0 ? await refreshDerived(warehouse, withHorizon(months, options.refreshHorizonMonths), options.logger, feeds) : { months: [] };
  const finishedAt = Date.now();
  for (const { entry } of active) {
    entry.status = entry.counters.quarantined > 0 ? "quarantined" : "loaded";
    entry.finishedAt = finishedAt;
  }
  await writeLoadEntries(warehouse, active.map((l) => l.entry));
  const files = loads.map(({ entry }): FileSummary => ({
    path: entry.filePath,
    feed: entry.feed,
    read: entry.counters.read,
    loaded: entry.counters.loaded,
    quarantined: entry.counters.quarantined,
    duplicates: entry.counters.duplicates,
    status: entry.status,
    ...(entry.error ? { error: entry.error } : {}),
  }));
  const sum = (pick: (f: FileSummary) => number) => files.reduce((total, f) => total + pick(f), 0);
  return {
    files,
    totals: { files: files.length, failed: files.filter((f) => f.status === "failed").length, read: sum((f) => f.read), loaded: sum((f) => f.loaded), quarantined: sum((f) => f.quarantined), duplicates: sum((f) => f.duplicates) },
    refreshedMonths: refreshed.months,
  };
}

/**
 * Loads run one at a time per process: they share the delivery sequence and
 * the staging tables of the refresh. The server's inbox, uploads and CLI
 * requests all queue here.
 */
export class LoadQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** `settled`: called after each load, whatever its outcome (what was written may have changed). */
  constructor(private readonly settled: () => void = () => {}) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    void result.then(this.settled, this.settled);
    return result;
  }
}
