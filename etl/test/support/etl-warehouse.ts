import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, openWarehouse, prepareWarehouse, warehouseConfigFromEnv, type Warehouse } from "@corridor/warehouse";
import { feedSpecs } from "../../src/feeds/feed-registry.js";
import { expandPaths, loadFiles, type BatchSummary } from "../../src/load/load-files.js";
import { readReferenceData } from "../../src/load/reference-data.js";

export const SAMPLES_DIR = fileURLToPath(new URL("../fixtures/samples/", import.meta.url));

/** The sample files in delivery order (their names), EXPECTED.md left out. */
export function sampleFiles(): string[] {
  return expandPaths([SAMPLES_DIR]).filter((f) => !f.endsWith(".md"));
}

export interface EtlWarehouse {
  readonly warehouse: Warehouse;
  readonly dataDir: string;
  load(files: readonly string[]): Promise<BatchSummary>;
  close(): Promise<void>;
}

/** A migrated embedded warehouse in its own directory, with the loader wired as the CLI wires it. */
export async function openEtlWarehouse(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-etl-"))): Promise<EtlWarehouse> {
  const logger = createLogger({ level: "silent" });
  const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: dataDir, EMBEDDED_SESSIONS: "3" }), { role: "test", logger });
  await prepareWarehouse(warehouse, logger);
  const reference = await readReferenceData(warehouse);
  return {
    warehouse,
    dataDir,
    load: (files) => loadFiles(files, { warehouse, logger, reference, specs: feedSpecs(), source: "test", loadedBy: "test", refreshHorizonMonths: 3 }),
    async close() {
      await warehouse.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
