import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FeedId, Logger, Warehouse } from "@corridor/warehouse";
import { openBytes, peekBytes, type ReadProgress } from "../core/byte-source.js";
import { detectFeed } from "../core/detect-feed.js";
import { valueColumns, type FeedSpec } from "../core/feed-spec.js";
import { UnreadableFileError, type ReferenceData, type Row, type SourceRecord } from "../core/types.js";
import type { BatchWriter } from "./batch-writer.js";
import { classifyChunk, type Classified } from "./classify-chunk.js";
import { fileSha256 } from "./file-digest.js";
import { findResumable, nextSeq, writeLoadEntries, type LoadEntry, type LoadSource } from "./load-log.js";

export interface FileProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly records: number;
}

export interface LoadOptions {
  readonly warehouse: Warehouse;
  readonly logger: Logger;
  readonly reference: ReferenceData;
  readonly specs: ReadonlyMap<FeedId, FeedSpec<Row>>;
  readonly source: LoadSource;
  readonly loadedBy: string;
  /** Records classified and written together; bounds memory. */
  readonly chunkSize?: number;
  readonly onProgress?: (progress: FileProgress) => void;
}

export interface FileLoad {
  readonly entry: LoadEntry;
  /** Months (YYYYMM) whose derived facts this load touched, old versions' months included. */
  readonly months: ReadonlySet<number>;
  readonly resumed: boolean;
}

/** Large enough to amortise the per-statement cost of the engine, small enough to keep memory flat. */
const DEFAULT_CHUNK = 25_000;

/** Groups a record stream into chunks without holding more than one. */
async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function detect(filePath: string): Promise<FeedId | null> {
  try {
    return detectFeed(await peekBytes(openBytes(filePath), 64 * 1024));
  } catch (error) {
    throw new UnreadableFileError(`illisible / unreadable: ${(error as Error).message}`);
  }
}

export interface PreparedLoad {
  readonly path: string;
  readonly entry: LoadEntry;
  readonly resumed: boolean;
}

/**
 * Identifies a batch's files (content hash), finds the loads of them that a
 * killed process left unfinished (resumed under the same id and sequence),
 * gives the others the next delivery sequences, and writes every start row
 * in one statement, before any record: a batch killed anywhere is resumable.
 */
export async function prepareLoads(filePaths: readonly string[], options: Pick<LoadOptions, "warehouse" | "source" | "loadedBy">): Promise<PreparedLoad[]> {
  const { warehouse } = options;
  const files = await Promise.all(filePaths.map(async (filePath) => ({ filePath, size: (await fs.promises.stat(filePath)).size, sha256: await fileSha256(filePath) })));
  const resumable = await findResumable(warehouse, files.map((f) => f.sha256));
  let seq = await nextSeq(warehouse);
  const claimed = new Set<string>();
  const prepared = files.map(({ filePath, size, sha256 }): PreparedLoad => {
    // The same file twice in one batch: only the first may resume the interrupted load.
    const resume = claimed.has(sha256) ? undefined : resumable.get(sha256);
    claimed.add(sha256);
    const entry: LoadEntry = {
      loadId: resume?.loadId ?? randomUUID(),
      seq: resume?.seq ?? seq++,
      source: options.source,
      fileName: path.basename(filePath),
      filePath: path.resolve(filePath),
      fileSize: size,
      sha256,
      feed: null,
      status: "running",
      counters: { read: 0, loaded: 0, quarantined: 0, duplicates: 0 },
      firstEventAt: null,
      lastEventAt: null,
      startedAt: resume?.startedAt ?? Date.now(),
      finishedAt: null,
      error: "",
      loadedBy: options.loadedBy,
    };
    return { path: filePath, entry, resumed: resume !== undefined };
  });
  await writeLoadEntries(warehouse, prepared.map((p) => p.entry));
  return prepared;
}

/**
 * Loads one prepared file: every record becomes a loaded row, a quarantined
 * row or a duplicate ignored, and read = loaded + quarantined + duplicates.
 * The load stays `running` in the load log until the caller has refreshed
 * the derived tables; a load killed before that is resumed by the next run.
 */
export async function loadFile(prepared: PreparedLoad, options: LoadOptions, writer: BatchWriter): Promise<FileLoad> {
  const { warehouse, logger } = options;
  const { entry } = prepared;
  const months = new Set<number>();
  try {
    entry.feed = await detect(prepared.path);
    if (entry.feed === null) throw new UnreadableFileError("format non reconnu : ni escales, conteneurs (EDIFACT), déclarations (XML), mouvements (JSON Lines) ni factures / format not recognised as any of the five feeds");
    const spec = options.specs.get(entry.feed);
    if (!spec) throw new UnreadableFileError(`feed ${entry.feed} has no loader`);
    if (prepared.resumed) logger.info({ file: entry.fileName, loadId: entry.loadId }, "resuming an interrupted load");
    await loadRecords(prepared.path, spec, entry, months, options, writer);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error; // engine failures leave the load resumable
    entry.status = "failed";
    entry.error = error.message;
    entry.finishedAt = Date.now();
    await writeLoadEntries(warehouse, [entry]);
    logger.warn({ file: entry.fileName, error: error.message }, "file could not be read");
  }
  return { entry, months, resumed: prepared.resumed };
}

async function loadRecords(filePath: string, spec: FeedSpec<Row>, entry: LoadEntry, months: Set<number>, options: LoadOptions, writer: BatchWriter): Promise<void> {
  const { warehouse } = options;
  const progress: ReadProgress = { bytesRead: 0, bytesTotal: entry.fileSize };
  const context = { warehouse, spec, columns: valueColumns(spec), loadId: entry.loadId, reference: options.reference, seq: entry.seq, fileName: entry.fileName, sha256: entry.sha256 };
  const records = spec.parse(openBytes(filePath, progress), { reference: options.reference, fileName: entry.fileName });
  const persisted = new Set<number>();
  for await (const chunk of chunks(records as AsyncIterable<SourceRecord<Row>>, options.chunkSize ?? DEFAULT_CHUNK)) {
    const classified = await classifyChunk(context, chunk, writer);
    const touched = await monthsTouched(warehouse, spec, classified);
    // The months of new records come back from the file itself when a killed load is resumed; the old
    // months of replaced versions do not (those versions are gone once the new ones are in): keep those.
    const fresh = [...touched.previous].filter((m) => !touched.current.has(m) && !persisted.has(m));
    if (fresh.length > 0) {
      await warehouse.insert("pending_months", fresh.map((month) => ({ load_id: entry.loadId, month })), { tag: `etl:${spec.id}:pending-months` });
      fresh.forEach((m) => persisted.add(m));
    }
    touched.current.forEach((m) => months.add(m));
    touched.previous.forEach((m) => months.add(m));
    count(entry, spec, classified);
    await writer.add(context, classified);
    options.onProgress?.({ file: entry.fileName, bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal, records: entry.counters.read });
  }
}

/** The months a chunk's loaded records feed (current), and those of the versions they replace (previous). */
async function monthsTouched(warehouse: Warehouse, spec: FeedSpec<Row>, classified: readonly Classified[]): Promise<{ current: Set<number>; previous: Set<number> }> {
  const current = new Set<number>();
  const previous = new Set<number>();
  const replacing: string[] = [];
  for (const item of classified) {
    if (item.verdict.kind !== "loaded") continue;
    for (const m of spec.months(item.verdict.row)) current.add(m);
    if (item.verdict.replaces) replacing.push(item.key);
  }
  if (spec.previousMonthsSql && replacing.length > 0) {
    const rows = await warehouse.query<{ m: number }>({ sql: spec.previousMonthsSql, params: { keys: replacing }, tag: `etl:${spec.id}:previous-months` });
    for (const row of rows) previous.add(Number(row.m));
  }
  return { current, previous };
}

function count(entry: LoadEntry, spec: FeedSpec<Row>, classified: readonly Classified[]): void {
  for (const { verdict } of classified) {
    entry.counters.read++;
    if (verdict.kind === "duplicate") entry.counters.duplicates++;
    else if (verdict.kind === "quarantined") entry.counters.quarantined++;
    else {
      entry.counters.loaded++;
      const at = spec.eventAt(verdict.row);
      if (entry.lastEventAt === null || at > entry.lastEventAt) entry.lastEventAt = at;
      if (entry.firstEventAt === null || at < entry.firstEventAt) entry.firstEventAt = at;
    }
  }
}
