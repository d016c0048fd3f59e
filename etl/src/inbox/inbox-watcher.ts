import fs from "node:fs";
import path from "node:path";
import type { Logger } from "@corridor/warehouse";
import type { BatchSummary, FileSummary } from "../load/load-files.js";

export interface InboxOptions {
  /** The folder watched; `processed/` and `failed/` are made inside it. */
  readonly dir: string;
  /** How often the folder is looked at, and how long a file must stay unchanged to count as complete. */
  readonly pollMs: number;
  /** Loads files (in the given order) and refreshes the derived tables: the same path as `etl load`. */
  readonly load: (files: readonly string[]) => Promise<BatchSummary>;
  readonly logger: Logger;
}

export interface Inbox {
  /** Looks once: loads the files complete since the last look. Resolves with what it did (tests call it directly). */
  scan(): Promise<FileSummary[]>;
  stop(): Promise<void>;
}

export const PROCESSED = "processed";
export const FAILED = "failed";

/** Names that say "still being written" by the usual conventions: hidden files and temporary suffixes. */
function inProgressName(name: string): boolean {
  return name.startsWith(".") || /\.(part|tmp|crdownload|partial|filepart|swp)$/iu.test(name);
}

/** A name free in `dir`: `name`, else `name` with the time it was moved. */
function freeName(dir: string, name: string): string {
  if (!fs.existsSync(path.join(dir, name))) return name;
  const stamp = new Date().toISOString().replace(/[-:]/gu, "").replace(/\.\d+Z$/u, "Z");
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${stamp}${ext}`;
}

/**
 * Watches a folder for feed files dropped by operators or by scheduled pulls.
 * It polls rather than relying on file-system events, which differ across
 * systems and network drives. A file is complete when its size and
 * modification time stayed the same between two looks; then the files found
 * are loaded together, in order of arrival, and each is moved to processed/,
 * or to failed/ with a `.reason.txt` beside it when it could not be read at
 * all. After a restart, the files still in the folder are simply loaded: an
 * interrupted load resumes by content hash, and a file loaded but not moved
 * counts as duplicates.
 */
export function watchInbox(options: InboxOptions): Inbox {
  const { dir, logger } = options;
  for (const sub of [dir, path.join(dir, PROCESSED), path.join(dir, FAILED)]) fs.mkdirSync(sub, { recursive: true });
  const seen = new Map<string, { size: number; mtimeMs: number }>();
  let running: Promise<FileSummary[]> | null = null;
  let stopped = false;

  async function look(): Promise<FileSummary[]> {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    const ready: { file: string; mtimeMs: number }[] = [];
    const present = new Set<string>();
    for (const entry of entries) {
      if (!entry.isFile() || inProgressName(entry.name)) continue;
      const file = path.join(dir, entry.name);
      present.add(file);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) continue;
      const before = seen.get(file);
      seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
      if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs && stat.size > 0) ready.push({ file, mtimeMs: stat.mtimeMs });
    }
    for (const file of seen.keys()) if (!present.has(file)) seen.delete(file);
    if (ready.length === 0) return [];
    // Files arriving one by one are loaded in order of arrival (formats.md); the name breaks ties.
    ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.file.localeCompare(b.file));
    const files = ready.map((r) => r.file);
    logger.info({ files: files.map((f) => path.basename(f)) }, "inbox: loading");
    const summary = await options.load(files);
    for (const result of summary.files) {
      const source = result.path;
      const target = result.status === "failed" ? FAILED : PROCESSED;
      const name = freeName(path.join(dir, target), path.basename(source));
      await fs.promises.rename(source, path.join(dir, target, name));
      if (result.status === "failed") {
        await fs.promises.writeFile(path.join(dir, FAILED, `${name}.reason.txt`), `${result.error ?? "unreadable"}\n`);
      }
      seen.delete(source);
      logger.info({ file: name, status: result.status, read: result.read, loaded: result.loaded, quarantined: result.quarantined, duplicates: result.duplicates }, "inbox: file done");
    }
    return [...summary.files];
  }

  function scan(): Promise<FileSummary[]> {
    // One look at a time; a look asked for while one runs waits for it and looks again.
    const next = (running ?? Promise.resolve([])).catch(() => []).then(() => look());
    running = next;
    return next;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    scan().catch((error: unknown) => logger.error({ error: (error as Error).message }, "inbox: load failed; the files stay in the inbox and are tried again"));
  }, options.pollMs);
  timer.unref();

  return {
    scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
