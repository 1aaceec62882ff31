import type { Kysely, Selectable } from "kysely";
import type { Database, DeadLettersTable } from "../schema.ts";

/** A dead letter as stored. */
export type DeadLetterRow = Selectable<DeadLettersTable>;

/** Records a step that failed for good, with the event, the state snapshot, the error chain and attempts. */
export async function recordDeadLetter(
  db: Kysely<Database>,
  letter: {
    id: string;
    runId: string;
    correlationId: string;
    threadId: string;
    node: string;
    event: unknown;
    state: unknown;
    error: unknown;
    attempts: number;
    at: Date;
  },
): Promise<void> {
  const at = letter.at.toISOString();
  await db
    .insertInto("dead_letters")
    .values({
      id: letter.id,
      run_id: letter.runId,
      correlation_id: letter.correlationId,
      thread_id: letter.threadId,
      node: letter.node,
      event: JSON.stringify(letter.event),
      state: JSON.stringify(letter.state),
      error: JSON.stringify(letter.error),
      attempts: letter.attempts,
      status: "open",
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Dead letters, newest first, optionally of one status. */
export async function listDeadLetters(db: Kysely<Database>, status?: string): Promise<DeadLetterRow[]> {
  let query = db.selectFrom("dead_letters").selectAll();
  if (status) query = query.where("status", "=", status);
  return query.orderBy("created_at", "desc").execute();
}

/** Counts dead letters by status. */
export async function countDeadLetters(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("dead_letters")
    .select(["status", db.fn.countAll<number>().as("n")])
    .groupBy("status")
    .orderBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** What happened to a dead letter after it was recorded. */
export type DeadLetterStatus = "open" | "redriven" | "discarded";

/** One dead letter by id. */
export async function getDeadLetter(db: Kysely<Database>, id: string): Promise<DeadLetterRow | undefined> {
  return db.selectFrom("dead_letters").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Moves an open dead letter to a new status; returns false when it was not open (already handled). */
export async function closeDeadLetter(
  db: Kysely<Database>,
  id: string,
  status: Exclude<DeadLetterStatus, "open">,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("dead_letters")
    .set({ status, updated_at: at.toISOString() })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
