// The overview's first load under Chrome's "Fast 3G" profile (562.5 ms round trip,
// 1.44 Mbit/s down, 675 kbit/s up), with an empty cache and again with a warm one,
// against the real server on the sample data. Writes its section of docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { launchChromium } from "../test/support/chromium.js";
import { loadSamples } from "../test/support/sample-server.js";
import { signIn, spawnServer } from "../test/support/spawn-server.js";
import { writeBenchmarkSection } from "./report.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const VIEW = "/?from=2024-10-01&to=2024-11-01";

interface Load {
  figuresMs: number;
  chartsMs: number;
  bytes: number;
  jsBytes: number;
  requests: number;
}

async function measure(page: Page, cdp: CDPSession, url: string): Promise<Load> {
  let bytes = 0;
  let jsBytes = 0;
  let requests = 0;
  const types = new Map<string, string>();
  const onResponse = (e: { requestId: string; type?: string }) => types.set(e.requestId, e.type ?? "");
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    requests += 1;
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") jsBytes += e.encodedDataLength;
  };
  cdp.on("Network.responseReceived", onResponse);
  cdp.on("Network.loadingFinished", onFinished);
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(".kpi-value").first().waitFor({ timeout: 120_000 });
  const figuresMs = performance.now() - started;
  await page.waitForFunction(() => document.querySelectorAll(".chart-figure svg.recharts-surface").length >= 3, undefined, { timeout: 120_000 });
  const chartsMs = performance.now() - started;
  cdp.off("Network.responseReceived", onResponse);
  cdp.off("Network.loadingFinished", onFinished);
  return { figuresMs, chartsMs, bytes, jsBytes, requests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-bench-3g-"));
process.stderr.write("loading the samples…\n");
await loadSamples(dataDir);
const server = await spawnServer({ DATA_DIR: dataDir });
let browser: Browser | null = null;
try {
  const cookie = await signIn(server.url);
  browser = await launchChromium();
  const cold: Load[] = [];
  const warm: Load[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A new context is a new profile: empty HTTP cache, no kept answers. The offline service
    // worker is blocked: its own fetches escape the page's network emulation and byte count.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", FAST_3G);
    cold.push(await measure(page, cdp, new URL(VIEW, server.url).href));
    warm.push(await measure(page, cdp, new URL(VIEW, server.url).href));
    await context.close();
    process.stderr.write(`run ${run + 1}: cold ${Math.round(cold.at(-1)?.chartsMs ?? 0)} ms, warm ${Math.round(warm.at(-1)?.chartsMs ?? 0)} ms\n`);
  }
  const budget = fs.readFileSync(path.join(import.meta.dirname, "../web/dist/budget.txt"), "utf8").split("\n")[0] ?? "";
  const row = (label: string, loads: Load[]) =>
    `| ${label} | ${(median(loads.map((l) => l.figuresMs)) / 1000).toFixed(2)} s | ${(median(loads.map((l) => l.chartsMs)) / 1000).toFixed(2)} s | ${(median(loads.map((l) => l.bytes)) / 1024).toFixed(0)} kB | ${(median(loads.map((l) => l.jsBytes)) / 1024).toFixed(0)} kB | ${median(loads.map((l) => l.requests))} |`;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const cpus = os.cpus();
  writeBenchmarkSection(
    "dashboard-3g",
    `## Dashboard: the overview's first load on Fast 3G

\`pnpm bench:dashboard\` (\`bench/dashboard-3g.ts\`), ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Debian chromium (headless).
Chrome's Fast 3G profile through the DevTools protocol (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up), a 360 × 740 viewport, signed in, the
overview of October 2024 on the sample data. *Figures*: the first headline figure on screen; *charts*: the three charts drawn (recharts, loaded on
demand). Cold: a new browser profile (empty cache); warm: the same page opened again (HTTP cache; the offline service worker is
blocked in both, since its fetches escape the emulated network). Median of ${RUNS} runs; bytes as transferred (compressed).
Build check: ${budget}.

| cache | figures | charts | transferred | of which JavaScript | requests |
|---|---|---|---|---|---|
${row("cold", cold)}
${row("warm", warm)}`,
  );
  process.stdout.write("docs/benchmarks.md: section bench:dashboard-3g written\n");
} finally {
  await browser?.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
