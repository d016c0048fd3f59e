import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { IDENTIFIER } from "../config.js";
import { splitSql } from "./split-sql.js";

/** single: one server or the embedded engine. cluster: ON CLUSTER, Replicated*MergeTree, Distributed. */
export type Flavour = "single" | "cluster";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly file: string;
  /** sha256 of the file as written (before placeholders are filled), so it is the same on every cluster. */
  readonly checksum: string;
  readonly statements: readonly string[];
}

/** Cluster files name the cluster and database as {{cluster}} and {{database}}; the runner fills them from configuration. */
export interface Placeholders {
  readonly cluster: string;
  readonly database: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/u;

/** The migrations folder ships beside src/ and dist/ alike. */
export function migrationsDir(flavour: Flavour): string {
  return fileURLToPath(new URL(`../../migrations/${flavour}/`, import.meta.url));
}

export function readMigrations(flavour: Flavour, placeholders: Placeholders | null, dir: string = migrationsDir(flavour)): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((file): Migration => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file ${file}: expected NNNN_name.sql`);
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return {
        version: Number(match[1]),
        name: match[2] as string,
        file,
        checksum: createHash("sha256").update(text).digest("hex"),
        statements: splitSql(fill(text, flavour, placeholders, file)),
      };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.file}: expected number ${String(index + 1).padStart(4, "0")}; numbers run 0001, 0002, … without gaps`);
  });
  return migrations;
}

function fill(text: string, flavour: Flavour, placeholders: Placeholders | null, file: string): string {
  if (flavour === "single") {
    if (/\{\{\w+\}\}/u.test(text)) throw new Error(`migration ${file}: single-node files take no {{placeholders}}`);
    return text;
  }
  if (placeholders === null) throw new Error("cluster migrations need the cluster and database names");
  for (const value of [placeholders.cluster, placeholders.database]) {
    if (!IDENTIFIER.test(value)) throw new Error(`invalid identifier ${JSON.stringify(value)}`);
  }
  return text.replace(/\{\{(\w+)\}\}/gu, (_whole, key: string) => {
    if (key === "cluster") return `\`${placeholders.cluster}\``;
    if (key === "database") return `\`${placeholders.database}\``;
    throw new Error(`migration ${file}: unknown placeholder {{${key}}}`);
  });
}
