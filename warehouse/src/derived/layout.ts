import type { WarehouseInfo } from "../warehouse.js";

/**
 * Table names differ by flavour for the statements that must reach each
 * shard's own storage: on a cluster, `x` is the Distributed table and `x_local`
 * holds a shard's rows; on one node, `x` is both. Names come from the table
 * registry and the cluster name from validated configuration.
 */
export function localTable(info: WarehouseInfo, table: string): string {
  return info.cluster === null ? table : `${table}_local`;
}

export function onCluster(info: WarehouseInfo): string {
  return info.cluster === null ? "" : ` ON CLUSTER \`${info.cluster}\``;
}

/** A month as ClickHouse names the partition of toYYYYMM(): 202410. */
export function monthPartition(month: number): string {
  if (!Number.isInteger(month) || month < 190001 || month > 299912 || month % 100 < 1 || month % 100 > 12) {
    throw new RangeError(`not a YYYYMM month: ${month}`);
  }
  return String(month);
}
