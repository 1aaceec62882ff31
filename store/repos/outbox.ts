import type { Kysely, Selectable } from "kysely";
import type { Database, OutboxTable } from "../schema.ts";

/** An outbox row as stored. */
export type OutboxRow = Selectable<OutboxTable>;

/** Claims an idempotency key; true only for the first claim, so an effect runs once per key. */
export async function claimOutboxKey(
  db: Kysely<Database>,
  entry: {
    key: string;
    runId: string;
    threadId: string;
    correlationId: string;
    actionId: string;
    actionType: string;
    payload: unknown;
    at: Date;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("outbox")
    .values({
      idempotency_key: entry.key,
      run_id: entry.runId,
      thread_id: entry.threadId,
      correlation_id: entry.correlationId,
      action_id: entry.actionId,
      action_type: entry.actionType,
      payload: JSON.stringify(entry.payload),
      status: "pending",
      created_at: entry.at.toISOString(),
      sent_at: null,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Marks an outbox entry as delivered. */
export async function markOutboxSent(db: Kysely<Database>, key: string, at: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: at.toISOString() })
    .where("idempotency_key", "=", key)
    .execute();
}

/** The outbox rows of one run. */
export async function outboxOfRun(db: Kysely<Database>, runId: string): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("run_id", "=", runId)
    .orderBy("created_at")
    .orderBy("idempotency_key")
    .execute();
}

/** Outbox rows counted by action type. */
export async function countOutboxByType(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["action_type", db.fn.countAll<number>().as("n")])
    .groupBy("action_type")
    .orderBy("action_type")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.action_type, Number(r.n)]));
}
