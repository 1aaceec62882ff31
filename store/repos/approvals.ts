import type { Kysely, Selectable } from "kysely";
import type { ApprovalsTable, Database } from "../schema.ts";

/** Where an approval is. */
export type ApprovalStatus = "pending" | "approved" | "rejected" | "edited";

/** An approval as stored. */
export type ApprovalRow = Selectable<ApprovalsTable>;

/** Opens approvals; an id already present is left as it is (the gate may run again on resume). */
export async function openApprovals(
  db: Kysely<Database>,
  approvals: readonly {
    id: string;
    runId: string;
    threadId: string;
    correlationId: string;
    actionId: string;
    action: unknown;
    reason: string;
    at: Date;
  }[],
): Promise<void> {
  if (approvals.length === 0) return;
  await db
    .insertInto("approvals")
    .values(
      approvals.map((a) => ({
        id: a.id,
        run_id: a.runId,
        thread_id: a.threadId,
        correlation_id: a.correlationId,
        action_id: a.actionId,
        action: JSON.stringify(a.action),
        reason: a.reason,
        status: "pending",
        decided_by: null,
        decision_note: null,
        edit: null,
        created_at: a.at.toISOString(),
        decided_at: null,
      })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Records a person's decision on a pending approval; false when it was already decided (single use). */
export async function decideApproval(
  db: Kysely<Database>,
  id: string,
  decision: {
    status: Exclude<ApprovalStatus, "pending">;
    by: string;
    note: string | null;
    edit?: unknown;
    at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("approvals")
    .set({
      status: decision.status,
      decided_by: decision.by,
      decision_note: decision.note,
      ...(decision.edit === undefined ? {} : { edit: JSON.stringify(decision.edit) }),
      decided_at: decision.at.toISOString(),
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Approvals waiting on a person, oldest first. */
export async function pendingApprovals(db: Kysely<Database>): Promise<ApprovalRow[]> {
  return db
    .selectFrom("approvals")
    .selectAll()
    .where("status", "=", "pending")
    .orderBy("created_at")
    .execute();
}

/** One approval by id. */
export async function getApproval(db: Kysely<Database>, id: string): Promise<ApprovalRow | undefined> {
  return db.selectFrom("approvals").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Approvals of one run. */
export async function approvalsOfRun(db: Kysely<Database>, runId: string): Promise<ApprovalRow[]> {
  return db.selectFrom("approvals").selectAll().where("run_id", "=", runId).orderBy("id").execute();
}

/** Approvals counted by status. */
export async function countApprovalsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("approvals")
    .select(["status", db.fn.countAll<number>().as("n")])
    .groupBy("status")
    .orderBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
