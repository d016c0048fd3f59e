/**
 * The files being written. A sink is one output file, opened on its first
 * record and closed as soon as the generation has passed the end of its
 * window (nothing generated later can fall in it). Text is buffered and
 * written synchronously in chunks, so memory stays flat whatever the volume;
 * a gzipped file is written plain first and compressed when it closes.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { FeedId } from "@corridor/warehouse";
import type { ReasonCode } from "../core/reasons.js";

const FLUSH_CHARS = 1 << 18;

export interface SinkSpec {
  /** File name, `.gz` included when gzipped. */
  readonly name: string;
  readonly feed: FeedId;
  /** Latin-1 also serves Windows-1252 files: the generator writes no character of 0x80–0x9F. */
  readonly encoding: "utf8" | "latin1";
  readonly bom: boolean;
  readonly gzip: boolean;
  /** End of the file's window (ms): once generation is past it, the file is complete. */
  readonly closesAt: number;
  /** Text before the first record (CSV header, XML prolog, EDIFACT envelope). */
  readonly header: string;
  /** Text after the last record, made when the file closes (it may need the file's counts). */
  readonly footer?: (sink: FileSink) => string;
}

export interface GeneratedFile {
  readonly path: string;
  readonly feed: FeedId;
  /** Records as the ETL reads them (planted and repeated ones included). */
  readonly records: number;
  /** Reason code → bad records planted in the file. */
  readonly planted: Record<string, number>;
}

export class FileSink {
  records = 0;
  readonly planted: Partial<Record<ReasonCode, number>> = {};
  /** Free for the feed writer: counters it keeps per file (message numbers, flags). */
  readonly state = new Map<string, number>();
  #buffer = "";
  readonly #fd: number;
  readonly #writePath: string;

  constructor(
    readonly spec: SinkSpec,
    readonly path: string,
  ) {
    this.#writePath = spec.gzip ? `${path}.part` : path;
    this.#fd = fs.openSync(this.#writePath, "w");
    if (spec.bom) this.#buffer = "\uFEFF";
    this.#buffer += spec.header;
  }

  write(text: string): void {
    this.#buffer += text;
    if (this.#buffer.length >= FLUSH_CHARS) this.#flush();
  }

  /** Notes `n` records written (valid, planted or repeated). */
  count(n = 1): void {
    this.records += n;
  }

  plant(reason: ReasonCode, n = 1): void {
    this.planted[reason] = (this.planted[reason] ?? 0) + n;
  }

  counter(name: string): number {
    const next = (this.state.get(name) ?? 0) + 1;
    this.state.set(name, next);
    return next;
  }

  #flush(): void {
    if (this.#buffer === "") return;
    fs.writeSync(this.#fd, Buffer.from(this.#buffer, this.spec.encoding === "utf8" ? "utf8" : "latin1"));
    this.#buffer = "";
  }

  /** Closes the file as it is, after a failure: no footer, no compression, the partial file removed. */
  abandon(): void {
    fs.closeSync(this.#fd);
    fs.rmSync(this.#writePath, { force: true });
  }

  async close(): Promise<GeneratedFile> {
    if (this.spec.footer) this.#buffer += this.spec.footer(this);
    this.#flush();
    fs.closeSync(this.#fd);
    if (this.spec.gzip) {
      await pipeline(fs.createReadStream(this.#writePath), createGzip({ level: 6 }), fs.createWriteStream(this.path));
      fs.rmSync(this.#writePath);
    }
    return { path: this.path, feed: this.spec.feed, records: this.records, planted: { ...this.planted } };
  }
}

/** The open sinks by key, and the files already closed. */
export class SinkRegistry {
  readonly #open = new Map<string, FileSink>();
  readonly #closed: GeneratedFile[] = [];

  constructor(private readonly outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
  }

  /** The sink of `key`, opened with `spec()` on first use. */
  get(key: string, spec: () => SinkSpec): FileSink {
    let sink = this.#open.get(key);
    if (!sink) {
      const made = spec();
      if (this.#closed.some((f) => path.basename(f.path) === made.name)) throw new Error(`${made.name} was already closed: a record came after its window`);
      sink = new FileSink(made, path.join(this.outDir, made.name));
      this.#open.set(key, sink);
    }
    return sink;
  }

  /** Closes every sink whose window ends at or before `ms`, in key order (deterministic). */
  async closeUpTo(ms: number): Promise<number> {
    const due = [...this.#open.entries()].filter(([, sink]) => sink.spec.closesAt <= ms).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, sink] of due) {
      this.#open.delete(key);
      this.#closed.push(await sink.close());
    }
    return due.length;
  }

  async closeAll(): Promise<void> {
    await this.closeUpTo(Number.POSITIVE_INFINITY);
  }

  /** After a failure: the open files are removed (the complete ones stay). */
  abandon(): void {
    for (const sink of this.#open.values()) sink.abandon();
    this.#open.clear();
  }

  /** The files written, in delivery order (their names). */
  files(): GeneratedFile[] {
    return [...this.#closed].sort((a, b) => (path.basename(a.path) < path.basename(b.path) ? -1 : path.basename(a.path) > path.basename(b.path) ? 1 : 0));
  }
}
