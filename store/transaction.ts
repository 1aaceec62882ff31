import type { Kysely } from "kysely";

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one. */
export function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
