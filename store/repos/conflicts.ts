import type { Kysely, Selectable } from "kysely";
import type { ConflictsTable, Database } from "../schema.ts";

/** A guard decision other than allow. */
export interface ConflictRecord {
  runId: string;
  correlationId: string;
  threadId: string;
  actionId: string;
  target: string;
  agent: string;
  rule: string;
  decision: string;
  reason: string;
  accountDomain: string | null;
  contactEmail: string | null;
  at: Date;
}

/** Records conflicts; the same (run, action, target) twice is one record, so a re-run guard is a no-op. */
export async function recordConflicts(
  db: Kysely<Database>,
  records: readonly ConflictRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto("conflicts")
    .values(
      records.map((r) => ({
        run_id: r.runId,
        correlation_id: r.correlationId,
        thread_id: r.threadId,
        action_id: r.actionId,
        target: r.target,
        agent: r.agent,
        rule: r.rule,
        decision: r.decision,
        reason: r.reason,
        account_domain: r.accountDomain,
        contact_email: r.contactEmail,
        created_at: r.at.toISOString(),
      })),
    )
    .onConflict((oc) => oc.columns(["run_id", "action_id", "target"]).doNothing())
    .execute();
}

/** Conflicts counted by rule and decision, for summaries. */
export async function conflictSummary(
  db: Kysely<Database>,
): Promise<{ rule: string; decision: string; count: number }[]> {
  const rows = await db
    .selectFrom("conflicts")
    .select(["rule", "decision", db.fn.countAll<number>().as("n")])
    .groupBy(["rule", "decision"])
    .orderBy("rule")
    .orderBy("decision")
    .execute();
  return rows.map((r) => ({ rule: r.rule, decision: r.decision, count: Number(r.n) }));
}

/** Conflicts of one run. */
export async function conflictsOfRun(
  db: Kysely<Database>,
  runId: string,
): Promise<Selectable<ConflictsTable>[]> {
  return db.selectFrom("conflicts").selectAll().where("run_id", "=", runId).orderBy("id").execute();
}
