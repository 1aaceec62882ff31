import type { Kysely } from "kysely";
import type PgBoss from "pg-boss";
import type { Store } from "../../store/db.ts";
import {
  enqueueRun,
  type QueueSettings,
  queueSettings,
  transactionalSender,
} from "../../store/queue/boss.ts";
import type { Database } from "../../store/schema.ts";

/**
 * Intake on a Postgres store: each accepted run's job is inserted in the run's own transaction. `workers`
 * leaves the run to `growth worker` processes; `inline` runs it in this process and keeps a delayed job as a
 * safety net, so a worker resumes it if this process dies.
 */
export interface IntakeQueue {
  readonly boss: PgBoss;
  readonly settings: QueueSettings;
  readonly dispatch: "workers" | "inline";
}

/** Inserts the run's job on the caller's transaction. */
export async function enqueueAccepted(
  queue: IntakeQueue,
  trx: Kysely<Database>,
  run: { runId: string; threadId: string; depth: number },
): Promise<void> {
  await enqueueRun(queue.boss, trx, { v: 1, ...run }, queue.settings, {
    // The safety net must not wake before a live inline run could finish: a job's expiry is that bound.
    delaySeconds: queue.dispatch === "inline" ? queue.settings.expireSeconds : 0,
  });
}

/** The intake queue of a store: on Postgres every accepted run gets its job; the embedded store has no queue. */
export function intakeQueueFor(store: Store, dispatch: IntakeQueue["dispatch"]): IntakeQueue | undefined {
  if (store.dialect !== "postgres") return undefined;
  return { boss: transactionalSender(), settings: queueSettings(), dispatch };
}
