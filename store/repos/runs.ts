import type { Kysely, Selectable } from "kysely";
import type { Database, RunsTable } from "../schema.ts";

/** Where a run is: queued behind another run of its thread, running, waiting on a person, or finished. */
export type RunStatus = "queued" | "running" | "waiting_approval" | "completed" | "failed" | "dead_lettered";

/** A run as stored. */
export type RunRow = Selectable<RunsTable>;

/** Creates a run unless its request key exists; returns the stored run and whether it was new. */
export async function createRun(
  db: Kysely<Database>,
  run: {
    id: string;
    threadId: string;
    kind: string;
    correlationId: string;
    requestKey: string;
    status: RunStatus;
    request: unknown;
    dryRun: boolean;
    at: Date;
    traceparent?: string | null;
  },
): Promise<{ run: RunRow; created: boolean }> {
  const at = run.at.toISOString();
  const inserted = await db
    .insertInto("runs")
    .values({
      id: run.id,
      thread_id: run.threadId,
      kind: run.kind,
      correlation_id: run.correlationId,
      request_key: run.requestKey,
      status: run.status,
      request: JSON.stringify(run.request),
      summary: null,
      dry_run: run.dryRun ? 1 : 0,
      started_at: at,
      updated_at: at,
      finished_at: null,
      traceparent: run.traceparent ?? null,
    })
    .onConflict((oc) => oc.column("request_key").doNothing())
    .executeTakeFirst();
  const stored = await db
    .selectFrom("runs")
    .selectAll()
    .where("request_key", "=", run.requestKey)
    .executeTakeFirstOrThrow();
  return { run: stored, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/**
 * Moves a run to a new status, with an optional summary. Finished statuses stamp `finished_at` and give up the
 * run's owner in the same UPDATE: nobody may own a finished run, and an owner killed between finishing a run and
 * releasing it must not leave the lease behind (nobody could ever claim that run to release it).
 */
export async function setRunStatus(
  db: Kysely<Database>,
  id: string,
  status: RunStatus,
  at: Date,
  summary?: unknown,
): Promise<void> {
  const finished = status === "completed" || status === "failed" || status === "dead_lettered";
  await db
    .updateTable("runs")
    .set({
      status,
      updated_at: at.toISOString(),
      ...(summary === undefined ? {} : { summary: JSON.stringify(summary) }),
      ...(finished
        ? { finished_at: at.toISOString(), owner_id: null, lease_expires_at: null, heartbeat_at: null }
        : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** One run by id. */
export async function getRun(db: Kysely<Database>, id: string): Promise<RunRow | undefined> {
  return db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Runs by correlation id (a request and the follow-ups it caused share one). */
export async function runsByCorrelation(db: Kysely<Database>, correlationId: string): Promise<RunRow[]> {
  return db
    .selectFrom("runs")
    .selectAll()
    .where("correlation_id", "=", correlationId)
    .orderBy("started_at")
    .execute();
}

/** Recent runs, newest first, optionally of some statuses. */
export async function listRuns(
  db: Kysely<Database>,
  options: { statuses?: RunStatus[]; limit?: number } = {},
): Promise<RunRow[]> {
  let query = db.selectFrom("runs").selectAll();
  if (options.statuses && options.statuses.length > 0) query = query.where("status", "in", options.statuses);
  return query
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 50)
    .execute();
}

/** Runs that were started and never finished: the ones to resume after a crash. */
export async function unfinishedRuns(db: Kysely<Database>): Promise<RunRow[]> {
  return db
    .selectFrom("runs")
    .selectAll()
    .where("status", "in", ["queued", "running"])
    .orderBy("started_at")
    .orderBy("id")
    .execute();
}

/** Counts runs by status. */
export async function countRunsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("runs")
    .select(["status", db.fn.countAll<number>().as("n")])
    .groupBy("status")
    .orderBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Runs stopped at the approval gate whose approvals all have a verdict: a crash came between the last
 * verdict and the resume, so they must be resumed with the recorded verdicts.
 */
export async function decidedWaitingRuns(db: Kysely<Database>): Promise<RunRow[]> {
  return db
    .selectFrom("runs")
    .selectAll()
    .where("status", "=", "waiting_approval")
    .where((eb) =>
      eb.exists(eb.selectFrom("approvals").select("id").whereRef("approvals.run_id", "=", "runs.id")),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("approvals")
            .select("id")
            .whereRef("approvals.run_id", "=", "runs.id")
            .where("approvals.status", "=", "pending"),
        ),
      ),
    )
    .orderBy("started_at")
    .orderBy("id")
    .execute();
}
