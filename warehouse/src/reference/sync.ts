import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "../logger.js";
import type { TableName } from "../tables.js";
import type { Warehouse } from "../warehouse.js";
import { parseCsvText } from "./csv-text.js";
import { convertCell, crossCheck, REFERENCE_LISTS, type ReferenceList, type ReferenceRow } from "./reference-lists.js";

export function referenceDir(): string {
  return fileURLToPath(new URL("../../reference/", import.meta.url));
}

export class ReferenceDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Listes de référence invalides / invalid reference lists:\n  - ${problems.join("\n  - ")}`);
    this.name = "ReferenceDataError";
  }
}

interface ParsedList {
  readonly list: ReferenceList;
  readonly checksum: string;
  readonly rows: readonly ReferenceRow[];
}

/** Reads and checks every list; all problems are reported together, with file and line. */
export function readReferenceLists(dir: string = referenceDir()): ParsedList[] {
  const problems: string[] = [];
  const parsed: ParsedList[] = [];
  for (const list of REFERENCE_LISTS) {
    const text = fs.readFileSync(path.join(dir, list.file), "utf8");
    const table = parseCsvText(text, list.file);
    const missing = Object.keys(list.columns).filter((c) => !table.header.includes(c));
    if (missing.length > 0) {
      problems.push(`${list.file}: colonnes manquantes / missing columns ${missing.join(", ")}`);
      continue;
    }
    const seen = new Set<string>();
    const rows: ReferenceRow[] = [];
    for (const { line, values } of table.rows) {
      const row: ReferenceRow = {};
      for (const [column, kind] of Object.entries(list.columns)) {
        const result = convertCell(kind, values[table.header.indexOf(column)] ?? "");
        if ("problem" in result) problems.push(`${list.file}, ligne/line ${line}, ${column}: ${result.problem}`);
        else row[column] = result.value;
      }
      const key = String(row[list.key]);
      if (seen.has(key)) problems.push(`${list.file}, ligne/line ${line}: ${list.key} ${key} en double / duplicated`);
      seen.add(key);
      rows.push(row);
    }
    parsed.push({ list, checksum: createHash("sha256").update(text).digest("hex"), rows });
  }
  problems.push(...crossCheck(new Map<TableName, readonly ReferenceRow[]>(parsed.map((p) => [p.list.table, p.rows]))));
  if (problems.length > 0) throw new ReferenceDataError(problems);
  return parsed;
}

export interface SyncResult {
  readonly table: TableName;
  readonly rows: number;
  readonly deleted: number;
}

/**
 * Loads each reference list whose file changed since the last sync: one insert
 * per table carrying every row with a new _version, plus a deletion marker for
 * each code that left the file (ReplacingMergeTree with is_deleted).
 */
export async function syncReference(warehouse: Warehouse, logger: Logger, dir?: string): Promise<SyncResult[]> {
  const lists = readReferenceLists(dir);
  const previous = await warehouse.query<{ table_name: string; checksum: string }>({
    sql: "SELECT table_name, checksum FROM ref_sync FINAL",
    tag: "reference:sync-state",
  });
  const known = new Map(previous.map((row) => [row.table_name, row.checksum]));
  const results: SyncResult[] = [];
  for (const { list, checksum, rows } of lists) {
    if (known.get(list.table) === checksum) continue;
    // list.table and list.key come from the registry above, never from input.
    const current = await warehouse.query<{ key: string }>({ sql: `SELECT toString(${list.key}) AS key FROM ${list.table} FINAL`, tag: `reference:current:${list.table}` });
    // Deleted rows count too: a new version must outrank every row ever written.
    const [top] = await warehouse.query<{ v: string }>({ sql: `SELECT toString(max(_version)) AS v FROM ${list.table}`, tag: `reference:version:${list.table}` });
    const newest = BigInt(top?.v ?? "0");
    const now = BigInt(Date.now());
    const version = now > newest ? now : newest + 1n;
    const keep = new Set(rows.map((row) => String(row[list.key])));
    const gone = current.filter((row) => !keep.has(row.key));
    const batch = [
      ...rows.map((row) => ({ ...row, _version: version.toString(), _deleted: 0 })),
      ...gone.map((row) => ({ [list.key]: list.columns[list.key] === "uint" ? Number(row.key) : row.key, _version: version.toString(), _deleted: 1 })),
    ];
    await warehouse.insert(list.table, batch, { tag: `reference:load:${list.table}` });
    await warehouse.insert("ref_sync", [{ table_name: list.table, checksum, row_count: rows.length, synced_at: new Date().toISOString() }], { tag: "reference:record" });
    logger.info({ table: list.table, rows: rows.length, deleted: gone.length }, "reference list loaded");
    results.push({ table: list.table, rows: rows.length, deleted: gone.length });
  }
  return results;
}
