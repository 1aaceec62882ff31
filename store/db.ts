import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
} from "kysely";
import type pg from "pg";
import { SystemError, UserError } from "../domain/errors.ts";
import { type MigrationReport, migrate } from "./migrate.ts";
import { openPostgres } from "./postgres/open.ts";
import { isPostgresUrl } from "./postgres/url.ts";
import type { Database } from "./schema.ts";
import { type WriteLock, writeLockFor } from "./sqlite-write-lock.ts";

/** The default store file, relative to the working directory. */
export const DEFAULT_DB_FILE = ".growth/growth.db";

interface StoreBase {
  readonly db: Kysely<Database>;
  /** What `--db` accepts to open this store again: the file path, `:memory:`, or the Postgres URL. */
  readonly location: string;
  /** The store for people and logs: the file path, or the Postgres URL without its password. */
  readonly name: string;
  /** The migrations opening it applied (none when it was up to date). */
  readonly migrated: MigrationReport;
  close(): Promise<void>;
}

/** The embedded store: one SQLite file (the checkpointer opens its own connection to it). */
export interface SqliteStore extends StoreBase {
  readonly dialect: "sqlite";
  readonly file: string;
  readonly pool: null;
}

/** The store at scale: PostgreSQL over one shared pool, which the checkpointer (and a queue) use too. */
export interface PostgresStore extends StoreBase {
  readonly dialect: "postgres";
  readonly pool: pg.Pool;
}

/** An open store: the typed query builder plus what callers need to know about it. */
export type Store = SqliteStore | PostgresStore;

/**
 * Picks the store: an explicit `--db` (a file or a postgres:// URL) wins, then `DATABASE_URL`, then
 * `GROWTH_DB`, then `.growth/growth.db`.
 */
export function resolveStoreLocation(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : undefined;
  const chosen = explicit ?? fromEnv ?? env.GROWTH_DB ?? DEFAULT_DB_FILE;
  return chosen === ":memory:" || isPostgresUrl(chosen) ? chosen : resolve(chosen);
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

/** A prepare that keeps the statements it made, least recently used out first. */
function cachedPrepare(sqlite: SQLite.Database): (text: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (text) => {
    const cached = cache.get(text);
    cache.delete(text);
    // A statement still iterating (a streamed select) cannot be run again until it ends.
    const statement = cached && !cached.busy ? cached : sqlite.prepare(text);
    cache.set(text, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  return { close: () => sqlite.close(), prepare: cachedPrepare(sqlite) };
}

/**
 * The connection with its `prepare` cached, for a library that prepares its statements on every call (the
 * SQLite checkpointer does, twice or more per superstep); every other method is the connection's own.
 */
export function withPreparedStatements(sqlite: SQLite.Database): SQLite.Database {
  const prepare = cachedPrepare(sqlite);
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === "prepare") return prepare;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Store transactions take the file's write lock (shared with the checkpointer, see sqlite-write-lock.ts) and
 * start with `begin immediate`, holding SQLite's write lock from the start: a deferred transaction that read
 * first and wrote later failed at once with SQLITE_BUSY when another connection had committed in between.
 */
class LockedSqliteDialect extends SqliteDialect {
  readonly #lock: WriteLock;
  constructor(config: SqliteDialectConfig, lock: WriteLock) {
    super(config);
    this.#lock = lock;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const lock = this.#lock;
    const releases = new WeakMap<DatabaseConnection, () => void>();
    const end = (connection: DatabaseConnection) => {
      releases.get(connection)?.();
      releases.delete(connection);
    };
    const { commitTransaction, rollbackTransaction } = driver;
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      const release = await lock.acquire();
      try {
        await connection.executeQuery(CompiledQuery.raw("begin immediate"));
      } catch (error) {
        release();
        throw error;
      }
      releases.set(connection, release);
    };
    driver.commitTransaction = async (connection: DatabaseConnection) => {
      try {
        await commitTransaction.call(driver, connection);
      } finally {
        end(connection);
      }
    };
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      try {
        await rollbackTransaction.call(driver, connection);
      } finally {
        end(connection);
      }
    };
    return driver;
  }
}

/**
 * Opens the store a location names and migrates it to the latest schema: a postgres:// URL opens PostgreSQL,
 * anything else the embedded SQLite file (created if needed, in WAL mode).
 */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { db, pool, name, migrated } = await openPostgres(location);
    return { db, pool, name, migrated, location, dialect: "postgres", close: () => db.destroy() };
  }
  return openSqliteStore(location);
}

async function openSqliteStore(file: string): Promise<SqliteStore> {
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({
    dialect: new LockedSqliteDialect({ database: withStatementCache(sqlite) }, writeLockFor(file)),
  });
  let migrated: MigrationReport;
  try {
    migrated = await migrate(db, "sqlite", file);
  } catch (error) {
    await db.destroy();
    throw isReadOnly(error) ? readOnlyStore(file, error) : error;
  }
  return {
    db,
    file,
    location: file,
    name: file,
    pool: null,
    migrated,
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
