// `pnpm bench:reports`: time and peak memory to produce the monthly corridor report (figures, PDF and
// workbook in French and English, CSV) over the default demo data (three years up to last month at
// DEMO_SCALE 0.02, the first-start default), the last complete month. Writes docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, openWarehouse, prepareWarehouse, warehouseConfigFromEnv } from "@corridor/warehouse";
import { generateDemoData } from "./generated-files.js";
import { writeBenchmarkSection } from "./report.js";
import { serverConfigFromEnv } from "../server/src/config.js";
import { MetricsService } from "../server/src/metrics/metrics-service.js";
import { PlatformQueries } from "../server/src/queries/platform.queries.js";
import { ReferenceQueries } from "../server/src/queries/reference.queries.js";
import { FeedActivityQueries } from "../server/src/queries/feed-activity.queries.js";
import { buildReport } from "../server/src/reports/document/report-builder.js";
import { reportPeriod } from "../server/src/reports/schedule-rules.js";
import { renderPdf } from "../server/src/reports/render/render-pdf.js";
import { renderXlsx } from "../server/src/reports/render/render-xlsx.js";
import { renderCsv } from "../server/src/reports/render/render-csv.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const demo = serverConfigFromEnv({ DATA_DIR: os.tmpdir() }, root).demo;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-bench-reports-"));
const dataDir = path.join(work, "data");
const files = path.join(work, "files");

try {
  // The demo data, loaded through the real ETL in a process of its own (it releases the engine when done).
  let t = performance.now();
  await generateDemoData({ from: demo.from, to: demo.to, scale: demo.scale, seed: demo.seed, outDir: files });
  const fileCount = fs.readdirSync(files).length;
  const bytes = fs.readdirSync(files).reduce((s, f) => s + fs.statSync(path.join(files, f)).size, 0);
  process.stdout.write(`demo ${demo.from}..${demo.to} scale ${demo.scale}: ${fileCount} files generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  t = performance.now();
  try {
    execFileSync(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", path.join(root, "etl/src/main.ts"), "load", files], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", TSX_TSCONFIG_PATH: path.join(root, "etl/tsconfig.json") }, stdio: ["ignore", "ignore", "inherit"], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    // Exit code 1: some records quarantined, which the demo plants on purpose.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  process.stdout.write(`loaded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  const logger = createLogger({ level: "warn" });
  const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "bench", logger });
  await prepareWarehouse(warehouse, logger);
  const [records] = await warehouse.query<{ n: string }>({ sql: "SELECT toString(sum(records_loaded)) AS n FROM load_log FINAL", tag: "bench:records" });
  const reference = new ReferenceQueries(warehouse);
  const metrics = new MetricsService(warehouse, reference, new PlatformQueries(warehouse));
  const sources = { metrics, warehouse, feedActivity: new FeedActivityQueries(warehouse) };
  const period = reportPeriod("monthly_corridor", new Date(), "Africa/Lome");
  const spec = { kind: "monthly_corridor" as const, scheduleName: "bench", period, timeZone: "Africa/Lome", countries: [], scope: null, maxDataAgeHours: 72 };

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const baseline = process.memoryUsage().rss;
  const timings: { figures: number; pdf: number; xlsx: number; total: number; size: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const document = await buildReport(sources, spec);
    const figures = performance.now();
    const pdfs = await Promise.all([renderPdf(document, "fr"), renderPdf(document, "en")]);
    const pdfDone = performance.now();
    const books = await Promise.all([renderXlsx(document, "fr"), renderXlsx(document, "en")]);
    renderCsv(document, "fr");
    const end = performance.now();
    timings.push({ figures: figures - start, pdf: pdfDone - figures, xlsx: end - pdfDone, total: end - start, size: (pdfs[0]?.length ?? 0) + (books[0]?.length ?? 0) });
    process.stdout.write(`run ${i + 1}: ${Math.round(end - start)} ms (figures ${Math.round(figures - start)} ms, PDF ×2 ${Math.round(pdfDone - figures)} ms, XLSX ×2 + CSV ${Math.round(end - pdfDone)} ms)\n`);
  }
  clearInterval(sampler);
  await warehouse.close();
  const median = (k: keyof (typeof timings)[number]) => [...timings.map((x) => x[k])].sort((a, b) => a - b)[Math.floor(timings.length / 2)] as number;
  const first = timings[0] as (typeof timings)[number];
  const cpu = os.cpus()[0]?.model.trim() ?? "CPU";
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  writeBenchmarkSection(
    "reports",
    `## Monthly corridor report

\`pnpm bench:reports\` (\`bench/report-monthly.ts\`), ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded engine.
Data: the default demo (\`DEMO_DATA=on\`: ${demo.from}..${demo.to}, scale ${demo.scale}, seed ${demo.seed}), ${fileCount} files, ${(bytes / 1e6).toFixed(1)} MB, ${Number(records?.n ?? 0).toLocaleString("en")} records loaded through the ETL.
Report: the monthly corridor report for ${period.from} → ${period.to} (Africa/Lome), every figure read through the semantic layer (about 30 statements over three periods), then the PDF in French and English, the workbook in French and English and the CSV. ${RUNS} runs in one process; the first pays the engine's and the fonts' warm-up.

| step | first run | median |
| --- | --- | --- |
| figures (semantic layer, policy view) | ${Math.round(first.figures)} ms | ${Math.round(median("figures"))} ms |
| PDF, French + English | ${Math.round(first.pdf)} ms | ${Math.round(median("pdf"))} ms |
| workbook French + English, CSV | ${Math.round(first.xlsx)} ms | ${Math.round(median("xlsx"))} ms |
| **whole report** | **${Math.round(first.total)} ms** | **${Math.round(median("total"))} ms** |

Peak resident memory of the process while producing the reports: **${Math.round(peak / 2 ** 20)} MB** (${Math.round(baseline / 2 ** 20)} MB before the first, with the engine open). One French PDF and workbook: ${Math.round(first.size / 1024)} KB.`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
