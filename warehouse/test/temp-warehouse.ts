import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger, openWarehouse, prepareWarehouse, warehouseConfigFromEnv, type Warehouse } from "../src/index.js";

export interface TempWarehouse {
  readonly warehouse: Warehouse;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** A migrated embedded warehouse in a fresh directory of its own; one per test file (one engine directory per process). */
export async function openTempWarehouse(options: { prepare?: boolean; env?: Record<string, string> } = {}): Promise<TempWarehouse> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-test-"));
  const logger = createLogger({ level: "silent" });
  const config = warehouseConfigFromEnv({ DATA_DIR: dataDir, EMBEDDED_SESSIONS: "2", ...options.env });
  const warehouse = await openWarehouse(config, { role: "test", logger });
  if (options.prepare !== false) await prepareWarehouse(warehouse, logger);
  return {
    warehouse,
    dataDir,
    async close() {
      await warehouse.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
