import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, type SqliteDatabase, SqliteDialect } from "kysely";
import { SystemError, UserError } from "../domain/errors.ts";
import type { Dialect } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The default store file, relative to the working directory. */
export const DEFAULT_DB_FILE = ".growth/growth.db";

/** An open store: the typed query builder plus what callers need to know about it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly file: string;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

/** Picks the store file: an explicit `--db` wins, then `GROWTH_DB`, then `.growth/growth.db`. */
export function resolveDbFile(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.GROWTH_DB ?? DEFAULT_DB_FILE;
  return chosen === ":memory:" ? chosen : resolve(chosen);
}

/**
 * Opens a better-sqlite3 connection to a store file in WAL mode with `synchronous = NORMAL` (durable at
 * each checkpoint of the WAL, safe against corruption) and a busy timeout; the store and the
 * checkpointer each open one this way.
 */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
  } catch (cause) {
    throw new SystemError(
      "store_open_failed",
      `Cannot open the store at ${file}: check the path and its permissions.`,
      {
        cause,
      },
    );
  }
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
  } catch (error) {
    sqlite.close();
    throw isReadOnly(error) ? readOnlyStore(file, error) : error;
  }
  return sqlite;
}

// Kysely asks better-sqlite3 to prepare every statement it runs; hot queries repeat the same SQL text, so
// their prepared statements are kept (least recently used out first) instead of re-prepared each time.
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      cache.delete(text);
      // A statement still iterating (a streamed select) cannot be run again until it ends.
      const statement = cached && !cached.busy ? cached : sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** Opens (creating if needed) the embedded SQLite store in WAL mode and migrates it to the latest schema. */
export async function openStore(file: string): Promise<Store> {
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrate(db, "sqlite");
  } catch (error) {
    await db.destroy();
    throw isReadOnly(error) ? readOnlyStore(file, error) : error;
  }
  return {
    db,
    file,
    dialect: "sqlite",
    close: () => db.destroy(),
  };
}

/** Whether an error (or one of its causes) is SQLite refusing to write a read-only file. */
export function isReadOnly(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_READONLY")) return true;
  }
  return false;
}

/** The user's error for a store file SQLite may not write, with the fix. */
export function readOnlyStore(file: string, cause: unknown): UserError {
  return new UserError(
    "store_read_only",
    `the store ${file} is read-only; make it writable (chmod u+w ${file}) or pass --db with a writable file.`,
    { cause },
  );
}

/** Applies every pending migration; a failed migration stops start-up with its cause. */
export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    throw new SystemError("store_migration_failed", "The store could not be migrated; see the cause.", {
      cause: error,
    });
  }
}
