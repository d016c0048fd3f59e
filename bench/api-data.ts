// Data sets of the API benchmark (`pnpm bench:api`): generated with `etl generate` and loaded through
// the real loader into an embedded data directory cached under bench/.cache/api/, keyed by
// period, scale and seed, so a second run of the benchmark does not generate or load again.
// Run alone (`tsx … bench/api-data.ts demo|large`) it prepares one size and prints its progress.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { etlSettingsFromEnv, expandPaths, makeLoader } from "@corridor/etl";
import { generateDemoData } from "@corridor/etl/generate";
import { createLogger, liveOwner, openWarehouse, prepareWarehouse, warehouseConfigFromEnv } from "@corridor/warehouse";
import { serverConfigFromEnv } from "../server/src/config.js";

export interface DatasetSpec {
  readonly label: "demo" | "large";
  readonly from: string;
  readonly to: string;
  readonly scale: number;
  readonly seed: number;
}

export interface Dataset extends DatasetSpec {
  /** The embedded engine's DATA_DIR. */
  readonly dataDir: string;
  /** Seconds spent generating and loading, when this data set was made (kept in the cache). */
  readonly generateSeconds: number;
  readonly loadSeconds: number;
  readonly records: number;
  readonly ediBytes: number;
}

const CACHE = fileURLToPath(new URL("./.cache/api/", import.meta.url));

/**
 * The demo is the server's first-start demo (three years up to the last complete month, DEMO_SCALE,
 * seed 42). The large size is the same period at a scale giving about 20 million container events
 * (scale 1 ≈ 1.28 million a year, so 3 years × 5.2 ≈ 20 million).
 */
export function datasetSpecs(env: Readonly<Record<string, string | undefined>> = process.env): DatasetSpec[] {
  const demo = serverConfigFromEnv({ DATA_DIR: CACHE, INBOX_POLL_MS: "0", DEMO_SCALE: env.DEMO_SCALE }).demo;
  return [
    { label: "demo", from: demo.from, to: demo.to, scale: demo.scale, seed: demo.seed },
    { label: "large", from: demo.from, to: demo.to, scale: Number(env.BENCH_API_LARGE_SCALE ?? 5.2), seed: demo.seed },
  ];
}

function cacheDir(spec: DatasetSpec): string {
  return path.join(CACHE, `${spec.label}-${spec.from}_${spec.to}-scale${spec.scale}-seed${spec.seed}`);
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** The data set, generated and loaded unless the cache already holds it. */
export async function ensureDataset(spec: DatasetSpec, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<Dataset> {
  const dir = cacheDir(spec);
  const files = path.join(dir, "files");
  const dataDir = path.join(dir, "data");
  const loadedMark = path.join(dir, "loaded.json");
  if (fs.existsSync(loadedMark)) return { ...spec, dataDir, ...(JSON.parse(fs.readFileSync(loadedMark, "utf8")) as Pick<Dataset, "generateSeconds" | "loadSeconds" | "records" | "ediBytes">) };
  // Another process may be making this very data set (a run in the background): never start over under it.
  const owner = liveOwner(dataDir);
  if (owner !== null) throw new Error(`${spec.label}: ${dataDir} is being loaded by process ${owner.pid}; wait for it to finish`);
  fs.mkdirSync(dir, { recursive: true });
  const generatedMark = path.join(dir, "generated.json");
  let generateSeconds: number;
  if (fs.existsSync(generatedMark)) {
    generateSeconds = (JSON.parse(fs.readFileSync(generatedMark, "utf8")) as { seconds: number }).seconds;
  } else {
    fs.rmSync(files, { recursive: true, force: true });
    say(`${spec.label}: generating ${spec.from}..${spec.to} at scale ${spec.scale}, seed ${spec.seed} into ${files}`);
    const t = performance.now();
    let lastSaid = 0;
    await generateDemoData({
      from: spec.from,
      to: spec.to,
      scale: spec.scale,
      seed: spec.seed,
      outDir: files,
      onProgress: (message) => {
        if (performance.now() - lastSaid > 10_000 || message.includes("done")) {
          lastSaid = performance.now();
          say(`  ${spec.label}: ${message} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
        }
      },
    });
    generateSeconds = Math.round((performance.now() - t) / 100) / 10;
    fs.writeFileSync(generatedMark, `${JSON.stringify({ seconds: generateSeconds })}\n`);
  }
  const ediBytes = dirBytes(files);
  // A load interrupted half-way is started again from an empty directory: simpler than resuming, and still cached once done.
  fs.rmSync(dataDir, { recursive: true, force: true });
  const logger = createLogger({ level: "warn" });
  const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
  try {
    await prepareWarehouse(warehouse, logger);
    const load = makeLoader(warehouse, logger, etlSettingsFromEnv({}));
    const list = expandPaths([files]);
    const totalBytes = list.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    say(`${spec.label}: loading ${list.length} files (${(totalBytes / 1e9).toFixed(2)} GB) through the loader`);
    const t = performance.now();
    let doneBytes = 0;
    let current = "";
    let currentBytes = 0;
    let lastSaid = 0;
    const summary = await load(list, "cli", (progress) => {
      if (progress.file !== current) {
        doneBytes += currentBytes;
        current = progress.file;
      }
      currentBytes = progress.bytesTotal;
      const now = performance.now();
      if (now - lastSaid > 15_000) {
        lastSaid = now;
        const share = (doneBytes + progress.bytesRead) / totalBytes;
        const elapsed = (now - t) / 1000;
        say(`  ${spec.label}: ${(share * 100).toFixed(1)} % of the bytes after ${elapsed.toFixed(0)} s (about ${share > 0.01 ? ((elapsed / share - elapsed) / 60).toFixed(0) : "?"} min left), ${path.basename(progress.file)}`);
      }
    });
    const loadSeconds = Math.round((performance.now() - t) / 100) / 10;
    if (summary.totals.failed > 0) throw new Error(`${spec.label}: ${summary.totals.failed} files failed to load`);
    say(`${spec.label}: ${summary.totals.read} records loaded in ${loadSeconds} s (${summary.totals.quarantined} quarantined)`);
    const made = { generateSeconds, loadSeconds, records: summary.totals.read, ediBytes };
    await warehouse.close();
    fs.writeFileSync(loadedMark, `${JSON.stringify(made)}\n`);
    // The generated files are not needed once loaded; the marks keep how long they took.
    fs.rmSync(files, { recursive: true, force: true });
    return { ...spec, dataDir, ...made };
  } catch (error) {
    await warehouse.close();
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const wanted = process.argv.slice(2);
  for (const spec of datasetSpecs()) {
    if (wanted.length > 0 && !wanted.includes(spec.label)) continue;
    const set = await ensureDataset(spec);
    process.stdout.write(`${JSON.stringify(set)}\n`);
  }
}
