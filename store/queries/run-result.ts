import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Where a run ended, as another process recorded it: status, the summary it wrote, and its effects. */
export interface RunResult {
  readonly runId: string;
  readonly threadId: string;
  readonly correlationId: string;
  readonly status: string;
  readonly summary: unknown;
  readonly effects: readonly {
    readonly action_type: string;
    readonly idempotency_key: string;
    readonly status: string;
  }[];
}

const SETTLED = ["completed", "failed", "dead_lettered", "waiting_approval"];

/** The run's result once it settled (finished, or stopped at the approval gate); null while queued or running. */
export async function settledRunResult(db: Kysely<Database>, runId: string): Promise<RunResult | null> {
  const run = await db.selectFrom("runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run || !SETTLED.includes(run.status)) return null;
  const effects = await db
    .selectFrom("outbox")
    .select(["action_type", "idempotency_key", "status"])
    .where("run_id", "=", runId)
    .orderBy("idempotency_key")
    .execute();
  return {
    runId: run.id,
    threadId: run.thread_id,
    correlationId: run.correlation_id,
    status: run.status,
    summary: run.summary ? JSON.parse(run.summary) : null,
    effects,
  };
}
