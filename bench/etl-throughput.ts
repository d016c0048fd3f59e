// `pnpm bench:etl`: ETL throughput per feed at the demo scale and at about a real year's volume,
// against the engine's own ingest of the same records (see etl-feed-run.ts). Writes docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectFeedOfFile, generateDemoData } from "./generated-files.js";
import { writeBenchmarkSection } from "./report.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const FEED_ORDER = ["vessel-calls", "container-events", "customs-declarations", "transit-movements", "port-invoices"] as const;
const GOAL: Record<string, number> = { "vessel-calls": 2, "port-invoices": 2, "transit-movements": 2, "container-events": 4, "customs-declarations": 4 };

interface Result {
  feed: string;
  files: number;
  bytes: number;
  read: number;
  loaded: number;
  anchorRows: number;
  etlMs: number;
  anchorMs: number;
  peakRssMb: number;
}

const sizes = [
  { label: "demo", from: "2023-01", to: "2025-12", scale: Number(process.env.BENCH_DEMO_SCALE ?? 0.05) },
  { label: "scale 1, one year", from: "2024-01", to: "2024-12", scale: Number(process.env.BENCH_FULL_SCALE ?? 1) },
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-bench-etl-"));
const rows: string[] = [];
try {
  for (const size of sizes) {
    const out = path.join(work, size.label.replace(/\W+/gu, "-"));
    const t = performance.now();
    await generateDemoData({ from: size.from, to: size.to, scale: size.scale, seed: 42, outDir: out });
    process.stdout.write(`${size.label}: generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    const byFeed = new Map<string, string[]>();
    for (const file of fs.readdirSync(out).sort()) {
      const feed = await detectFeedOfFile(path.join(out, file));
      if (feed) byFeed.set(feed, [...(byFeed.get(feed) ?? []), path.join(out, file)]);
    }
    for (const feed of FEED_ORDER) {
      const files = byFeed.get(feed) ?? [];
      if (files.length === 0) continue;
      const list = path.join(work, `${feed}.list`);
      fs.writeFileSync(list, files.join("\n"));
      const dataDir = fs.mkdtempSync(path.join(work, "data-"));
      const run = spawnSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "--conditions=@corridor/source", path.join(root, "bench/etl-feed-run.ts"), feed, list, dataDir], {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "etl/tsconfig.json") },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`${feed} run failed:\n${run.stderr}`);
      const result = JSON.parse(run.stdout.trim().split("\n").at(-1) as string) as Result;
      fs.rmSync(dataDir, { recursive: true, force: true });
      const ratio = result.etlMs / result.anchorMs;
      const perSecond = Math.round(result.read / (result.etlMs / 1000));
      process.stdout.write(`  ${feed}: ${result.read} records in ${result.etlMs} ms (${perSecond}/s), anchor ${result.anchorMs} ms, ratio ${ratio.toFixed(1)}, peak ${result.peakRssMb} MB\n`);
      rows.push(
        `| ${size.label} | ${feed} | ${result.files} | ${(result.bytes / 1e6).toFixed(1)} MB | ${result.read.toLocaleString("en")} | ${(result.etlMs / 1000).toFixed(2)} s | ${perSecond.toLocaleString("en")} | ${(result.anchorMs / 1000).toFixed(2)} s | **${ratio.toFixed(1)}×** (goal ≤ ${GOAL[feed]}×) | ${result.peakRssMb} MB |`,
      );
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model.trim() ?? "CPU";
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
writeBenchmarkSection(
  "etl-throughput",
  `## ETL throughput per feed

\`pnpm bench:etl\` (\`bench/etl-throughput.ts\`), ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded engine.
Files from \`etl generate --seed 42\`: the demo (${sizes[0]?.from}..${sizes[0]?.to}, scale ${sizes[0]?.scale}) and one year at scale ${sizes[1]?.scale} (about a real year's volume).
Each feed is loaded alone, in a fresh data directory and a process of its own, through the real loader (parse, check, classify against the
record ledger, write, refresh the derived tables). The anchor is the engine ingesting the same loaded records, already normalised, as a CSV file
through \`INSERT … SELECT FROM file()\`, timed in the same process right after. Peak memory is the process's maximum resident set, engine included.

| data | feed | files | size | records | ETL time | records/s | anchor | ETL ÷ anchor | peak RSS |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`,
);
