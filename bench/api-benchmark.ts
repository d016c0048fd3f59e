// `pnpm bench:api`: the API on generated data at two sizes (the server's demo, and about 20 million
// container events): each dashboard query through GraphQL over HTTP against the same SQL sent straight
// to the engine, the rollups against the detailed tables (with a check that both give the same numbers),
// and a load test with concurrent clients. Writes its section of docs/benchmarks.md.
// The loaded data directories are cached in bench/.cache/api/ (bench/api-data.ts): a second run does not load again.
// BENCH_API_SIZES=demo runs the demo only; BENCH_API_RUNS, BENCH_API_CLIENTS, BENCH_API_LOAD_SECONDS tune the runs.
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { datasetSpecs, type Dataset } from "./api-data.js";
import type { RunResult } from "./api-run.js";
import { writeBenchmarkSection } from "./report.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const wanted = (process.env.BENCH_API_SIZES ?? "demo,large").split(",");
const specs = datasetSpecs().filter((s) => wanted.includes(s.label));

function child<T>(script: string, args: readonly string[], extraEnv: Record<string, string> = {}): T {
  const run = spawnSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "--conditions=@corridor/source", path.join(root, "bench", script), ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "server/tsconfig.json"), ...extraEnv },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) as string) as T;
}

const runs: { set: Dataset; result: RunResult }[] = [];
const loadBefore = os.loadavg()[0] as number;
for (const spec of specs) {
  const set = child<Dataset>("api-data.ts", [spec.label]);
  process.stdout.write(`${set.label}: data in ${set.dataDir} (generated in ${set.generateSeconds} s, loaded in ${set.loadSeconds} s)\n`);
  const result = child<RunResult>("api-run.ts", [set.label, set.dataDir, set.to], { NODE_ENV: "production" });
  runs.push({ set, result });
}

const ms = (x: number | null) => (x === null ? "–" : x >= 100 ? `${Math.round(x).toLocaleString("en")} ms` : `${x.toFixed(1)} ms`);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const rowsOf = (r: RunResult, table: string) => r.tables.find((t) => t.table === table)?.rows ?? 0;

const sizeLines = runs.map(({ set, result }) => {
  const minutes = (s: number) => (s >= 120 ? `${(s / 60).toFixed(0)} min` : `${s.toFixed(0)} s`);
  return `| ${set.label} | ${set.from}..${set.to} | ${set.scale} | ${rowsOf(result, "container_events").toLocaleString("en")} | ${set.records.toLocaleString("en")} | ${(set.ediBytes / 1e9).toFixed(2)} GB | ${minutes(set.generateSeconds)} | ${minutes(set.loadSeconds)} |`;
});
const tableNames = runs[0]?.result.tables.map((t) => t.table) ?? [];
const tableLines = tableNames.map((table) => `| ${table} | ${runs.map(({ result }) => rowsOf(result, table).toLocaleString("en")).join(" | ")} |`);

const apiLines: string[] = [];
const rollupLines: string[] = [];
const whereLines: string[] = [];
const summary: string[] = [];
for (const { set, result } of runs) {
  const ratios = result.queries.map((q) => q.apiMs / q.directMs);
  for (const q of result.queries) apiLines.push(`| ${set.label} | ${q.title} | ${q.statements} | ${ms(q.directMs)} | ${ms(q.withExtrasMs)} | ${ms(q.inlinedMs)} | ${ms(q.apiMs)} | **${(q.apiMs / q.directMs).toFixed(2)}** |`);
  apiLines.push(`| ${set.label} | **median of the ratios** | | | | | | **${median(ratios).toFixed(2)}** (goal ≤ 1.2) |`);
  const rollupRatios: number[] = [];
  for (const q of result.queries) {
    if (q.skipped || q.rollupMs === null || q.detailMs === null) {
      rollupLines.push(`| ${set.label} | ${q.title} | – | – | skipped: ${q.skipped ?? "no rollup"} |`);
      continue;
    }
    const ratio = q.rollupMs / q.detailMs;
    rollupRatios.push(ratio);
    rollupLines.push(`| ${set.label} | ${q.title} | ${ms(q.rollupMs)} | ${ms(q.detailMs)} | **${ratio.toFixed(2)}** |`);
    const top = (p: "rollup" | "detail") => {
      const list = q.breakdown.filter((b) => b.path === p).sort((a, b) => b.ms - a.ms);
      const sum = list.reduce((s, b) => s + b.ms, 0);
      const first = list[0];
      return first ? `${first.table} (${first.period}) ${ms(first.ms)} of ${ms(sum)} in ${list.length}` : "–";
    };
    whereLines.push(`| ${set.label} | ${q.title} | ${top("rollup")} | ${top("detail")} |`);
  }
  rollupLines.push(`| ${set.label} | **median of the ratios** | | | **${median(rollupRatios).toFixed(2)}**${set.label === "large" ? " (goal ≤ 0.1)" : ""} |`);
  const c = result.check;
  summary.push(
    `- ${set.label}: ${c.compared.toLocaleString("en")} figures compared (values, previous period, year ago); additive ${c.additive.toLocaleString("en")} (${c.additiveExact.toLocaleString("en")} bit-identical), durations ${c.durations.toLocaleString("en")} (${c.within1pct.toLocaleString("en")} within 1 %); ` +
      (c.differences.length === 0
        ? "**no difference**."
        : `**${c.differences.length} differences**, first: ${c.differences
            .slice(0, 5)
            .map((d) => `${d.query} ${d.where}: rollup ${d.rollup} vs detail ${d.detail}`)
            .join("; ")}.`),
  );
}
const loadLines = runs.flatMap(({ set, result }) =>
  result.load.map((l) => {
    const errors = Object.entries(l.errors);
    return `| ${set.label} | ${l.clients} | ${l.seconds} s | ${l.requests.toLocaleString("en")} | ${(l.requests / l.seconds).toFixed(1)}/s | ${ms(l.p50Ms)} | ${ms(l.p99Ms)} | ${ms(l.maxMs)} | ${errors.length === 0 ? "0" : errors.map(([code, n]) => `${n} × ${code}`).join(", ")} |`;
  }),
);

const loadAfter = os.loadavg()[0] as number;
const cpu = os.cpus()[0]?.model.trim() ?? "CPU";
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
const first = runs[0]?.result;
writeBenchmarkSection(
  "api",
  `## API: dashboard queries, rollups and load

\`pnpm bench:api\` (\`bench/api-benchmark.ts\`), ${new Date().toISOString().slice(0, 10)}, commit ${commit}${dirty ? " (with uncommitted changes in the work tree)" : ""}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, embedded engine (${
    process.env.EMBEDDED_SESSIONS ?? 4
  } sessions); the machine's load average (1 min) was ${loadBefore.toFixed(1)} when the run began and ${loadAfter.toFixed(1)} when it ended (the machine is shared).
The server runs in the benchmark's process with NODE_ENV=production as in the Docker image (\`startServer\`, signed in with a session cookie as the dashboard is); the load-test clients run in a process of their own.
Data from \`etl generate --seed 42\` loaded through the real loader: the server's first-start demo, and the same period at a scale giving about
20 million container events. Medians of ${first?.runs ?? "?"} warm runs after 3 warm-ups; the two things compared in each table are interleaved.

| size | period | scale | container events | records read by the loader | generated files | generation | loading |
|---|---|---|---|---|---|---|---|
${sizeLines.join("\n")}

Rows per table (the five feeds' tables, then each fact's detailed table and its hourly rollup):

| table | ${runs.map(({ set }) => set.label).join(" | ")} |
|---|${runs.map(() => "---").join("|")}|
${tableLines.join("\n")}

### API time ÷ the same SQL sent straight to the engine

"Direct" runs the statements \`planMetrics\` gives for each semantic request of the query (and for the previous and year-ago
periods when it compares), all at once as \`runMetrics\` does, through \`running.warehouse\`. The API also checks the session
(cached), reads the dimensions' labels and the data's freshness (one statement per dimension and one per semantic request,
shown added to the direct SQL), merges, orders, and serialises GraphQL over HTTP. "Values inlined" is the direct SQL with
its parameters written into the text as literals: chDB runs statements with bound parameters one at a time in the whole
process (a lock in chdb 3.4.0, whatever the number of sessions), statements without parameters in parallel on the sessions.

| size | query | statements | direct SQL | direct + labels + freshness | direct, values inlined | API (HTTP) | API ÷ direct |
|---|---|---|---|---|---|---|---|
${apiLines.join("\n")}

### Rollups ÷ detailed tables

\`runMetrics\` with \`path: "rollup"\` against \`path: "detail"\`, all of the query's requests at once.

| size | query | rollup | detail | rollup ÷ detail |
|---|---|---|---|---|
${rollupLines.join("\n")}

Where the time goes: each statement alone (median of 5), the slowest one of each path and the sum of all of them.

| size | query | rollup: slowest statement | detail: slowest statement |
|---|---|---|---|
${whereLines.join("\n")}

Same numbers on both paths (additive figures equal to 1e-9, durations within 1 %):
${summary.join("\n")}

### Load test

Each client loops over the seven dashboard queries (each client starting at a different one) over HTTP on loopback for ${process.env.BENCH_API_LOAD_SECONDS ?? 30} s.

| size | clients | duration | requests | throughput | p50 | p99 | max | errors |
|---|---|---|---|---|---|---|---|---|
${loadLines.join("\n")}
`,
);
process.stdout.write("docs/benchmarks.md: section bench:api written\n");
