// Fails the build when the JavaScript the overview needs before its first
// render (the entry chunk and everything it imports statically) is over
// 200 kB gzipped: the budget for a ministry's phone on a weak 3G link.
// Chunks loaded on demand (charts, other pages) are not counted.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET = 200 * 1024;
const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "dist");
const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"));

const seen = new Set();
function collect(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) collect(imported);
}
collect("index.html");

let total = 0;
const lines = [];
for (const key of seen) {
  const file = manifest[key]?.file;
  if (!file?.endsWith(".js")) continue;
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  lines.push(`  ${file}: ${(size / 1024).toFixed(1)} kB`);
}
const report = `overview initial JavaScript: ${(total / 1024).toFixed(1)} kB gzipped (budget ${BUDGET / 1024} kB)\n${lines.join("\n")}`;
fs.writeFileSync(path.join(dist, "budget.txt"), `${report}\n`);
if (total > BUDGET) {
  console.error(`${report}\nover budget: load more on demand (see src/charts/lazy-charts.ts)`);
  process.exit(1);
}
console.log(report);
