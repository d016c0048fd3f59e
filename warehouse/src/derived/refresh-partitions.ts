import type { Warehouse } from "../warehouse.js";
import { localTable, monthPartition, onCluster } from "./layout.js";

/** A derived table and the staging table its refresh builds months in. */
export interface StagedTable {
  readonly live: string;
  readonly stage: string;
}

/**
 * Swaps freshly built months from staging tables into live ones. REPLACE
 * PARTITION is atomic per table: readers see a month's old rows or its new
 * rows, never a mix. A month the rebuild left empty (its last record moved to
 * another month) must become empty, hence allow_replace_partition_from_empty_source;
 * on a cluster each shard swaps its own rows (ON CLUSTER on the _local tables).
 */
export async function swapMonths(warehouse: Warehouse, tables: readonly StagedTable[], months: readonly number[], tag: string): Promise<void> {
  const cluster = onCluster(warehouse.info);
  for (const table of tables) {
    const live = localTable(warehouse.info, table.live);
    const stage = localTable(warehouse.info, table.stage);
    for (const month of months) {
      await warehouse.command({
        sql: `ALTER TABLE ${live}${cluster} REPLACE PARTITION ID '${monthPartition(month)}' FROM ${stage}`,
        tag: `${tag}:swap`,
        timeoutMs: 300_000,
        settings: { allow_replace_partition_from_empty_source: 1 },
      });
    }
  }
}

export async function truncateStages(warehouse: Warehouse, tables: readonly StagedTable[], tag: string): Promise<void> {
  for (const table of tables) {
    await warehouse.command({ sql: `TRUNCATE TABLE IF EXISTS ${localTable(warehouse.info, table.stage)}${onCluster(warehouse.info)}`, tag: `${tag}:truncate` });
  }
}
