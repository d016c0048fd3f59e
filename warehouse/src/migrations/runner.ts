import type { Logger } from "../logger.js";
import type { Warehouse } from "../warehouse.js";
import { readMigrations, type Flavour, type Migration } from "./files.js";

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export interface MigrationResult {
  readonly flavour: Flavour;
  readonly applied: readonly { version: number; name: string; ms: number }[];
  readonly version: number;
}

/** The version table is the runner's own, so it is created here rather than by a numbered file. */
function versionTableSql(flavour: Flavour, cluster: string | null): string {
  const columns = `(
    version UInt32,
    name String,
    checksum FixedString(64),
    applied_at DateTime64(3, 'UTC'),
    duration_ms UInt32
)`;
  if (flavour === "single") return `CREATE TABLE IF NOT EXISTS schema_migrations ${columns} ENGINE = ReplacingMergeTree(applied_at) ORDER BY version`;
  // Every node holds the whole table (no {shard} in the path): any node can tell the schema version.
  return `CREATE TABLE IF NOT EXISTS schema_migrations ON CLUSTER \`${cluster}\` ${columns}
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/schema_migrations', '{replica}', applied_at) ORDER BY version`;
}

/**
 * Brings the schema to the newest version: forward only, one numbered file at
 * a time, each recorded in schema_migrations once all its statements ran.
 * Statements are written IF NOT EXISTS, so a run cut short can be run again.
 * A file changed after it was applied is refused: add a new file instead.
 */
export async function migrate(warehouse: Warehouse, logger: Logger, migrations?: readonly Migration[]): Promise<MigrationResult> {
  const { cluster, database } = warehouse.info;
  const flavour: Flavour = cluster === null ? "single" : "cluster";
  const files = migrations ?? readMigrations(flavour, cluster === null ? null : { cluster, database });
  await warehouse.command({ sql: versionTableSql(flavour, cluster), tag: "migrate:version-table", timeoutMs: 120_000 });
  const applied = await warehouse.query<{ version: number; name: string; checksum: string }>({
    sql: "SELECT version, name, checksum FROM schema_migrations FINAL ORDER BY version",
    tag: "migrate:applied",
  });
  const byVersion = new Map(applied.map((row) => [row.version, row]));
  const newest = files.at(-1)?.version ?? 0;
  for (const row of applied) {
    if (row.version > newest) {
      throw new MigrationError(`La base est au schéma ${row.version} (${row.name}), plus récent que ce code (${newest}). / The database is at schema ${row.version}, newer than this code (${newest}): update the platform.`);
    }
  }
  const done: { version: number; name: string; ms: number }[] = [];
  for (const migration of files) {
    const previous = byVersion.get(migration.version);
    if (previous !== undefined) {
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(
          `La migration ${migration.file} a été modifiée après son application. Les migrations ne vont que vers l'avant : ajoutez un nouveau fichier. / Migration ${migration.file} was changed after it was applied; migrations are forward-only: add a new file.`,
        );
      }
      continue;
    }
    const started = performance.now();
    for (const [index, sql] of migration.statements.entries()) {
      try {
        await warehouse.command({ sql, tag: `migrate:${migration.version}:${index + 1}`, timeoutMs: 300_000 });
      } catch (error) {
        throw new MigrationError(`migration ${migration.file}, statement ${index + 1}: ${(error as Error).message}`, { cause: error });
      }
    }
    const ms = Math.round(performance.now() - started);
    await warehouse.insert(
      "schema_migrations",
      [{ version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: new Date().toISOString(), duration_ms: ms }],
      { tag: "migrate:record" },
    );
    logger.info({ version: migration.version, migration: migration.name, ms }, "migration applied");
    done.push({ version: migration.version, name: migration.name, ms });
  }
  return { flavour, applied: done, version: newest };
}
