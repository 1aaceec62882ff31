import { type Kysely, Migrator, sql } from "kysely";
import { SystemError, UserError } from "../domain/errors.ts";
import type { Dialect } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** What `migrate` did: the migrations it applied now, in order (none when the store was up to date). */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Migrations recorded in the store that this code does not have: a newer growth migrated it. */
export async function unknownMigrations(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const known = new Set(Object.keys(migrations(dialect)));
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === "kysely_migration")) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !known.has(name));
}

/**
 * Applies every pending migration; refuses a store whose schema is newer than this code, and stops
 * start-up with its cause when a migration fails.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: Dialect,
  storeName: string = dialect,
): Promise<MigrationReport> {
  const newer = await unknownMigrations(db, dialect);
  if (newer.length > 0) {
    throw new UserError(
      "store_schema_newer",
      `the store ${storeName} has schema migrations this version of growth does not know (${newer.join(", ")}): a newer growth migrated it; upgrade growth, or point --db / DATABASE_URL at another store.`,
    );
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const pending = (await migrator.getMigrations()).some((m) => !m.executedAt);
  if (!pending) return { applied: [] };
  // SQLite: one write transaction around the whole migration, so a second process starting at once waits
  // (busy timeout) and then finds nothing to do. Postgres: the caller holds the schema advisory lock.
  const exclusive = dialect === "sqlite";
  if (exclusive) await sql`begin immediate`.execute(db);
  const { error, results } = await migrator.migrateToLatest();
  if (exclusive) await sql.raw(error ? "rollback" : "commit").execute(db);
  if (error) {
    throw new SystemError("store_migration_failed", "The store could not be migrated; see the cause.", {
      cause: error,
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
