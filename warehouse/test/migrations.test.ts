import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, migrate, MigrationError, migrationsDir, readMigrations, TABLES, type Warehouse } from "../src/index.js";
import { openTempWarehouse, type TempWarehouse } from "./temp-warehouse.js";

const logger = createLogger({ level: "silent" });
let temp: TempWarehouse;
let warehouse: Warehouse;

beforeAll(async () => {
  temp = await openTempWarehouse({ prepare: false });
  warehouse = temp.warehouse;
});
afterAll(() => temp.close());

async function tables(): Promise<Map<string, string>> {
  const rows = await warehouse.query<{ name: string; engine: string }>({ sql: "SELECT name, engine FROM system.tables WHERE database = currentDatabase()", tag: "test:tables" });
  return new Map(rows.map((r) => [r.name, r.engine]));
}

describe("migration runner", () => {
  it("brings an empty database to the newest version, then has nothing left to do", async () => {
    const first = await migrate(warehouse, logger);
    const files = readMigrations("single", null);
    expect(first.applied.map((m) => m.version)).toEqual(files.map((m) => m.version));
    const second = await migrate(warehouse, logger);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(files.length);
    const engines = await tables();
    // Every table the code writes to exists.
    for (const table of TABLES) expect(engines.has(table), table).toBe(true);
    expect(engines.get("vessel_calls")).toBe("ReplacingMergeTree");
    expect(engines.get("rollup_ship_calls_hourly")).toBe("AggregatingMergeTree");
    expect(engines.get("mv_ship_calls_hourly")).toBe("MaterializedView");
  });

  it("refuses a migration edited after it was applied", async () => {
    const edited = readMigrations("single", null).map((m) => (m.version === 2 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(warehouse, logger, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(warehouse, logger, edited)).rejects.toThrow(/forward-only/);
  });

  it("refuses a database newer than the code", async () => {
    const older = readMigrations("single", null).slice(0, 3);
    await expect(migrate(warehouse, logger, older)).rejects.toThrow(/newer than this code/);
  });

  it("can re-run a migration cut short: every statement is idempotent", async () => {
    for (const migration of readMigrations("single", null)) {
      for (const sql of migration.statements) {
        expect(sql, `${migration.file}: ${sql.slice(0, 60)}`).toMatch(/^(CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS |ALTER TABLE \w+ (ADD COLUMN IF NOT EXISTS|MODIFY COLUMN) )/u);
        await warehouse.command({ sql, tag: "test:rerun" });
      }
    }
  });

  it("says in every migration why its ORDER BY and partition key are chosen", () => {
    for (const flavour of ["single", "cluster"] as const) {
      for (const file of fs.readdirSync(migrationsDir(flavour))) {
        const text = fs.readFileSync(path.join(migrationsDir(flavour), file), "utf8");
        const comments = text.split("\n").filter((line) => line.startsWith("--")).join("\n");
        if (/ORDER BY/u.test(text.replace(/^--.*$/gmu, ""))) expect(comments, `${flavour}/${file}`).toMatch(/ORDER BY/u);
        expect(comments, `${flavour}/${file}`).toMatch(/partition/iu);
      }
    }
  });
});

describe("cluster flavour", () => {
  const placeholders = { cluster: "corridor_cluster", database: "corridor" };
  const single = readMigrations("single", null);
  const cluster = readMigrations("cluster", placeholders);

  it("has the same numbered files as the single-node flavour", () => {
    expect(cluster.map((m) => m.file)).toEqual(single.map((m) => m.file));
  });

  it("parses with the engine's own parser, and names the cluster on every statement", async () => {
    for (const migration of cluster) {
      for (const sql of migration.statements) {
        expect(sql, migration.file).toContain("ON CLUSTER `corridor_cluster`");
        const [row] = await warehouse.query<{ formatted: string }>({ sql: "SELECT formatQuery({sql:String}) AS formatted", params: { sql }, tag: "test:parse" });
        expect(row?.formatted.length, migration.file).toBeGreaterThan(0);
      }
    }
  });

  it("creates the same columns, keys and partitions as the single-node flavour", async () => {
    // Turn each cluster statement into its one-node equivalent: no ON CLUSTER, Replicated* engines
    // without their path arguments, Distributed wrappers left out. Then build both trees side by side.
    const declustered = (sql: string) =>
      sql
        .replaceAll(" ON CLUSTER `corridor_cluster`", "")
        .replace(/Replicated(\w*)MergeTree\('[^']*',\s*'[^']*'(?:,\s*)?/u, "$1MergeTree(");
    const objects = new Set([...single, ...cluster].flatMap((m) => m.statements.map((sql) => /^CREATE (?:TABLE|MATERIALIZED VIEW) IF NOT EXISTS (\w+)/u.exec(sql)?.[1] ?? "")));
    await warehouse.command({ sql: "CREATE DATABASE IF NOT EXISTS cluster_check", tag: "test:cluster" });
    await warehouse.command({ sql: "CREATE DATABASE IF NOT EXISTS single_check", tag: "test:cluster" });
    for (const [database, migrations, transform] of [
      ["single_check", single, (s: string) => s],
      ["cluster_check", cluster, declustered],
    ] as const) {
      for (const migration of migrations) {
        for (const sql of migration.statements) {
          if (/ENGINE = Distributed\(/u.test(sql)) continue;
          // An ALTER of a Distributed wrapper (it has a _local twin) has no one-node counterpart.
          const altered = /^ALTER TABLE (\w+) /u.exec(sql)?.[1];
          if (database === "cluster_check" && altered !== undefined && objects.has(`${altered}_local`)) continue;
          // Qualify the objects created and read (never columns), so each tree lands in its own database.
          const qualified = transform(sql).replace(/\b(EXISTS|AS|TO|FROM|TABLE) (\w+)\b/gu, (whole, keyword: string, name: string) => (objects.has(name) ? `${keyword} ${database}.${name}` : whole));
          await warehouse.command({ sql: qualified, tag: "test:cluster" });
        }
      }
    }
    const describeTree = async (database: string) => {
      const rows = await warehouse.query<{ name: string; engine: string; partition_key: string; sorting_key: string; columns: string }>({
        sql: `SELECT replaceRegexpOne(t.name, '_local$', '') AS name, any(t.engine) AS engine, any(t.partition_key) AS partition_key, any(t.sorting_key) AS sorting_key,
                     arrayStringConcat(arraySort(groupArray(concat(c.name, ' ', c.type, ' ', c.default_expression))), ', ') AS columns
              FROM system.tables AS t LEFT JOIN system.columns AS c ON c.database = t.database AND c.table = t.name
              WHERE t.database = {db:String}
              GROUP BY name ORDER BY name`,
        params: { db: database },
        tag: "test:cluster",
      });
      return rows;
    };
    const a = await describeTree("single_check");
    const b = await describeTree("cluster_check");
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(15);
  });
});

describe("migration files", () => {
  it("refuses a file whose number leaves a gap", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.writeFileSync(path.join(dir, "0001_a.sql"), "CREATE TABLE IF NOT EXISTS a (x UInt8) ENGINE = Memory;");
    fs.writeFileSync(path.join(dir, "0003_c.sql"), "CREATE TABLE IF NOT EXISTS c (x UInt8) ENGINE = Memory;");
    expect(() => readMigrations("single", null, dir)).toThrow(/without gaps/);
    fs.rmSync(dir, { recursive: true });
  });
});
