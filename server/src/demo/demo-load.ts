import fs from "node:fs";
import path from "node:path";
import { expandPaths, type Loader } from "@corridor/etl";
import { generateDemoData } from "@corridor/etl/generate";
import type { Logger, Warehouse } from "@corridor/warehouse";

export interface DemoSettings {
  readonly enabled: boolean;
  readonly from: string;
  readonly to: string;
  readonly scale: number;
  readonly seed: number;
}

/** Marks written in DATA_DIR/demo: the files are complete; the load finished. */
const GENERATED = ".generated";
const LOADED = ".loaded";

export type DemoOutcome = { kind: "skipped"; reason: string } | { kind: "loaded"; files: number; records: number; quarantined: number; seconds: number };

/**
 * The first start of an empty warehouse loads realistic demo data through the
 * real ETL: the files are generated (deterministically, from the seed) into
 * DATA_DIR/demo/files, then loaded like any delivery. Later starts do nothing;
 * a start after an interrupted demo load finishes it (the loads resume).
 */
export async function loadDemoData(warehouse: Warehouse, load: Loader, settings: DemoSettings, logger: Logger, say: (line: string) => void): Promise<DemoOutcome> {
  if (!settings.enabled) return { kind: "skipped", reason: "DEMO_DATA=off" };
  const dir = path.join(warehouse.info.dataDir, "demo");
  const files = path.join(dir, "files");
  if (fs.existsSync(path.join(dir, LOADED))) return { kind: "skipped", reason: "already loaded" };
  const [row] = await warehouse.query<{ n: string }>({ sql: "SELECT toString(count()) AS n FROM load_log WHERE source != 'demo'", tag: "demo:loads" });
  if (Number(row?.n ?? 0) > 0) return { kind: "skipped", reason: "the warehouse already holds other data" };
  const started = performance.now();
  if (!fs.existsSync(path.join(dir, GENERATED))) {
    fs.rmSync(files, { recursive: true, force: true });
    say(`  Données de démonstration : génération (${settings.from} → ${settings.to}, échelle ${settings.scale})… / demo data: generating…`);
    await generateDemoData({ from: settings.from, to: settings.to, scale: settings.scale, seed: settings.seed, outDir: files });
    fs.writeFileSync(path.join(dir, GENERATED), `${JSON.stringify(settings)}\n`);
  }
  const list = expandPaths([files]);
  say(`  Données de démonstration : chargement de ${list.length} fichiers par l'ETL… / demo data: loading ${list.length} files through the ETL…`);
  let done = 0;
  let lastFile = "";
  const summary = await load(list, "demo", (progress) => {
    if (progress.file !== lastFile) {
      lastFile = progress.file;
      done++;
      if (done % Math.max(1, Math.round(list.length / 10)) === 0) say(`    ${done}/${list.length} fichiers / files`);
    }
  });
  fs.writeFileSync(path.join(dir, LOADED), new Date().toISOString());
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  logger.info({ files: summary.totals.files, records: summary.totals.read, seconds }, "demo data loaded");
  return { kind: "loaded", files: summary.totals.files, records: summary.totals.read, quarantined: summary.totals.quarantined, seconds };
}
