import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import Cursor from "pg-cursor";
import { type MigrationReport, migrate } from "../migrate.ts";
import { installQueue } from "../queue/boss.ts";
import type { Database } from "../schema.ts";
import { checkConnection, createPool } from "./pool.ts";
import { parsePostgresUrl } from "./url.ts";

// One advisory lock id for the whole start-up schema work (our migrations, the checkpointer's tables, pg-boss's
// schema and queues), so two processes starting at once run it one after the other; the second finds nothing
// left to do.
const SCHEMA_LOCK_ID = 0x67726f77; // "grow"

/** An open Postgres store's parts: the query builder, the shared pool, and what start-up migrated. */
export interface OpenedPostgres {
  readonly db: Kysely<Database>;
  readonly pool: pg.Pool;
  readonly name: string;
  readonly migrated: MigrationReport;
}

/**
 * Connects to PostgreSQL (failing fast with the host and the reason), then, under an advisory lock, migrates
 * the store's schema, creates the LangGraph checkpointer's tables and installs pg-boss's schema and the run
 * queues, all on the same pool.
 */
export async function openPostgres(url: string): Promise<OpenedPostgres> {
  const target = parsePostgresUrl(url);
  const pool = createPool(url);
  try {
    await checkConnection(pool, target);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    const migrated = await withSchemaLock(pool, async () => {
      const report = await migrate(db, "postgres", target.display);
      await new PostgresSaver(pool).setup();
      await installQueue(pool);
      return report;
    });
    return { db, pool, name: target.display, migrated };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/** Runs `fn` holding the schema lock (a session advisory lock on one pooled connection). */
export async function withSchemaLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SCHEMA_LOCK_ID]);
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [SCHEMA_LOCK_ID]);
    }
  } finally {
    client.release();
  }
}
