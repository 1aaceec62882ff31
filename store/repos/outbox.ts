import type { Kysely, Selectable } from "kysely";
import { hotStatement } from "../compiled-query.ts";
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
  const result = await insertPending(
    db,
    entry.key,
    entry.runId,
    entry.threadId,
    entry.correlationId,
    entry.actionId,
    entry.actionType,
    JSON.stringify(entry.payload),
    entry.at.toISOString(),
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}

// The effects node claims and marks every effect: both statements compiled once.
const insertPending = hotStatement(
  (
    db,
    key: string,
    runId: string,
    threadId: string,
    correlationId: string,
    actionId: string,
    actionType: string,
    payload: string,
    at: string,
  ) =>
    db
      .insertInto("outbox")
      .values({
        idempotency_key: key,
        run_id: runId,
        thread_id: threadId,
        correlation_id: correlationId,
        action_id: actionId,
        action_type: actionType,
        payload,
        status: "pending",
        created_at: at,
        sent_at: null,
      })
      .onConflict((oc) => oc.column("idempotency_key").doNothing()),
);
const markSent = hotStatement((db, key: string, at: string) =>
  db.updateTable("outbox").set({ status: "sent", sent_at: at }).where("idempotency_key", "=", key),
);

/** Marks an outbox entry as delivered. */
export async function markOutboxSent(db: Kysely<Database>, key: string, at: Date): Promise<void> {
  await markSent(db, key, at.toISOString());
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
