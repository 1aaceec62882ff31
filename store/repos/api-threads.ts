import type { Kysely, Selectable } from "kysely";
import type { ApiThreadsTable, Database } from "../schema.ts";

/** A LangGraph SDK thread as stored. */
export type ApiThreadRow = Selectable<ApiThreadsTable>;

/** Creates a thread unless it exists; returns the stored row either way. */
export async function ensureApiThread(
  db: Kysely<Database>,
  threadId: string,
  metadata: Record<string, unknown>,
  at: Date,
): Promise<ApiThreadRow> {
  const iso = at.toISOString();
  await db
    .insertInto("api_threads")
    .values({ thread_id: threadId, metadata: JSON.stringify(metadata), created_at: iso, updated_at: iso })
    .onConflict((oc) => oc.column("thread_id").doNothing())
    .execute();
  return db.selectFrom("api_threads").selectAll().where("thread_id", "=", threadId).executeTakeFirstOrThrow();
}

/** One thread, if it exists. */
export async function getApiThread(
  db: Kysely<Database>,
  threadId: string,
): Promise<ApiThreadRow | undefined> {
  return db.selectFrom("api_threads").selectAll().where("thread_id", "=", threadId).executeTakeFirst();
}

/** Marks a thread as touched by a run. */
export async function touchApiThread(db: Kysely<Database>, threadId: string, at: Date): Promise<void> {
  await db
    .updateTable("api_threads")
    .set({ updated_at: at.toISOString() })
    .where("thread_id", "=", threadId)
    .execute();
}
