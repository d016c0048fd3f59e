// One measurement, in a process of its own (one embedded engine directory per process, and a clean
// peak-memory reading): load one feed's files through the real ETL, then time the anchor, the engine
// ingesting the same loaded records already normalised as a CSV file through INSERT … SELECT FROM file().
// Prints one JSON line.
import fs from "node:fs";
import path from "node:path";
import { makeLoader } from "@corridor/etl";
import { createLogger, FEEDS, openWarehouse, prepareWarehouse, warehouseConfigFromEnv, type FeedId } from "@corridor/warehouse";

const [feed, listFile, dataDir] = process.argv.slice(2) as [FeedId, string, string];
const files = fs.readFileSync(listFile, "utf8").split("\n").filter(Boolean);
const table = FEEDS.find((f) => f.id === feed)?.table;
if (!table) throw new Error(`unknown feed ${feed}`);

const logger = createLogger({ level: "warn" });
const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir }), { role: "cli", logger });
await prepareWarehouse(warehouse, logger);
const load = makeLoader(warehouse, logger, { refreshHorizonMonths: 3 });

const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
const started = performance.now();
const summary = await load(files, "cli");
const etlMs = performance.now() - started;
const rssAfterEtl = process.resourceUsage().maxRSS;

// The anchor: the same records, normalised, written to CSV by the engine and read back into an empty copy of the table.
const csv = path.join(dataDir, "anchor.csv");
await warehouse.command({ sql: `INSERT INTO FUNCTION file('${csv}', 'CSV') SELECT * EXCEPT (_loaded_at) FROM ${table} FINAL`, tag: "bench:anchor:export", timeoutMs: 600_000 });
await warehouse.command({ sql: `CREATE TABLE anchor_${table} AS ${table}`, tag: "bench:anchor:create" });
const columns = (await warehouse.query<{ name: string }>({ sql: "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {t:String} AND name != '_loaded_at' ORDER BY position", params: { t: table }, tag: "bench:anchor:columns" })).map((c) => `\`${c.name}\``);
const anchorStarted = performance.now();
await warehouse.command({ sql: `INSERT INTO anchor_${table} (${columns.join(", ")}) SELECT * FROM file('${csv}', 'CSV')`, tag: "bench:anchor:ingest", timeoutMs: 600_000 });
const anchorMs = performance.now() - anchorStarted;
const [count] = await warehouse.query<{ n: string }>({ sql: `SELECT toString(count()) AS n FROM anchor_${table}`, tag: "bench:anchor:count" });
await warehouse.close();

process.stdout.write(
  `${JSON.stringify({
    feed,
    files: files.length,
    bytes,
    read: summary.totals.read,
    loaded: summary.totals.loaded,
    quarantined: summary.totals.quarantined,
    duplicates: summary.totals.duplicates,
    anchorRows: Number(count?.n ?? 0),
    etlMs: Math.round(etlMs),
    anchorMs: Math.round(anchorMs),
    peakRssMb: Math.round(rssAfterEtl / 1024),
  })}\n`,
);
