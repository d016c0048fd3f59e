import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FeedId, Logger, Warehouse } from "@corridor/warehouse";
import { openBytes, peekBytes, type ReadProgress } from "../core/byte-source.js";
import { detectFeed } from "../core/detect-feed.js";
import { valueColumns, type FeedSpec } from "../core/feed-spec.js";
import { UnreadableFileError, type ReferenceData, type Row, type SourceRecord } from "../core/types.js";
import { classifyChunk, type Classified } from "./classify-chunk.js";
import { fileSha256 } from "./file-digest.js";
import { findResumable, nextSeq, writeLoadEntry, type LoadEntry, type LoadSource } from "./load-log.js";
import { writeChunk } from "./write-chunk.js";

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

/**
 * Loads one file: every record becomes a loaded row, a quarantined row or a
 * duplicate ignored, and read = loaded + quarantined + duplicates. The load
 * stays `running` in the load log until the caller has refreshed the derived
 * tables; a load killed before that is resumed by the next run of the file.
 */
export async function loadFile(filePath: string, options: LoadOptions): Promise<FileLoad> {
  const { warehouse, logger } = options;
  const stat = await fs.promises.stat(filePath);
  const sha256 = await fileSha256(filePath);
  const resumable = await findResumable(warehouse, sha256);
  const entry: LoadEntry = {
    loadId: resumable?.loadId ?? randomUUID(),
    seq: resumable?.seq ?? (await nextSeq(warehouse)),
    source: options.source,
    fileName: path.basename(filePath),
    filePath: path.resolve(filePath),
    fileSize: stat.size,
    sha256,
    feed: null,
    status: "running",
    counters: { read: 0, loaded: 0, quarantined: 0, duplicates: 0 },
    firstEventAt: null,
    lastEventAt: null,
    startedAt: resumable?.startedAt ?? Date.now(),
    finishedAt: null,
    error: "",
    loadedBy: options.loadedBy,
  };
  const months = new Set<number>();
  try {
    entry.feed = await detect(filePath);
    await writeLoadEntry(warehouse, entry);
    if (entry.feed === null) throw new UnreadableFileError("format non reconnu : ni escales, conteneurs (EDIFACT), déclarations (XML), mouvements (JSON Lines) ni factures / format not recognised as any of the five feeds");
    const spec = options.specs.get(entry.feed);
    if (!spec) throw new UnreadableFileError(`feed ${entry.feed} has no loader`);
    if (resumable) logger.info({ file: entry.fileName, loadId: entry.loadId }, "resuming an interrupted load");
    await loadRecords(filePath, spec, entry, months, options);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error; // engine failures leave the load resumable
    entry.status = "failed";
    entry.error = error.message;
    entry.finishedAt = Date.now();
    await writeLoadEntry(warehouse, entry);
    logger.warn({ file: entry.fileName, error: error.message }, "file could not be read");
  }
  return { entry, months, resumed: resumable !== null };
}

async function loadRecords(filePath: string, spec: FeedSpec<Row>, entry: LoadEntry, months: Set<number>, options: LoadOptions): Promise<void> {
  const { warehouse } = options;
  const progress: ReadProgress = { bytesRead: 0, bytesTotal: entry.fileSize };
  const context = { warehouse, spec, columns: valueColumns(spec), loadId: entry.loadId, reference: options.reference, seq: entry.seq, fileName: entry.fileName, sha256: entry.sha256 };
  const records = spec.parse(openBytes(filePath, progress), { reference: options.reference, fileName: entry.fileName });
  const persisted = new Set<number>();
  // While chunk k is written, chunk k+1 is parsed and classified: it sees the warehouse as of chunk
  // k-1 (awaited below before k's write began) and chunk k in memory.
  let writing: Promise<void> = Promise.resolve();
  let previous: Classified[] = [];
  for await (const chunk of chunks(records as AsyncIterable<SourceRecord<Row>>, options.chunkSize ?? DEFAULT_CHUNK)) {
    const classified = await classifyChunk(context, chunk, previous);
    await writing;
    const touched = await monthsTouched(warehouse, spec, classified);
    const fresh = [...touched].filter((m) => !persisted.has(m));
    if (fresh.length > 0) {
      await warehouse.insert("pending_months", fresh.map((month) => ({ load_id: entry.loadId, month })), { tag: `etl:${spec.id}:pending-months` });
      fresh.forEach((m) => persisted.add(m));
    }
    touched.forEach((m) => months.add(m));
    count(entry, spec, classified);
    writing = writeChunk(context, classified);
    previous = classified;
    options.onProgress?.({ file: entry.fileName, bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal, records: entry.counters.read });
  }
  await writing;
}

/** The months a chunk's loaded records feed, and those of the versions they replace. */
async function monthsTouched(warehouse: Warehouse, spec: FeedSpec<Row>, classified: readonly Classified[]): Promise<Set<number>> {
  const months = new Set<number>();
  const replacing: string[] = [];
  for (const item of classified) {
    if (item.verdict.kind !== "loaded") continue;
    for (const m of spec.months(item.verdict.row)) months.add(m);
    if (item.verdict.replaces) replacing.push(item.key);
  }
  if (spec.previousMonthsSql && replacing.length > 0) {
    const rows = await warehouse.query<{ m: number }>({ sql: spec.previousMonthsSql, params: { keys: replacing }, tag: `etl:${spec.id}:previous-months` });
    for (const row of rows) months.add(Number(row.m));
  }
  return months;
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
