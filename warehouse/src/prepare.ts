import type { Logger } from "./logger.js";
import { migrate, type MigrationResult } from "./migrations/runner.js";
import { syncReference, type SyncResult } from "./reference/sync.js";
import type { Warehouse } from "./warehouse.js";

export interface PrepareResult {
  readonly migrations: MigrationResult;
  readonly reference: readonly SyncResult[];
}

/** Brings a warehouse to the current schema and reference lists; run at start by the process that owns it. */
export async function prepareWarehouse(warehouse: Warehouse, logger: Logger): Promise<PrepareResult> {
  const migrations = await migrate(warehouse, logger);
  const reference = await syncReference(warehouse, logger);
  return { migrations, reference };
}
