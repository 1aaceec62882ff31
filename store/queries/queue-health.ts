import { sql } from "kysely";
import type { PostgresStore } from "../db.ts";
import { DEAD_RUN_QUEUE, RUN_QUEUE } from "../queue/job.ts";
import { listWorkers } from "../repos/workers.ts";

/** The queue at scale: jobs waiting and being worked, dead letters, workers alive and dead, the oldest queued run. */
export interface QueueHealth {
  readonly queued: number;
  readonly retrying: number;
  /** Safety-net jobs of runs executed by the process that accepted them (a worker takes one only if it died). */
  readonly held: number;
  readonly active: number;
  readonly dead_lettered: number;
  readonly workers: { readonly live: number; readonly dead: number };
  readonly oldest_queued_run: {
    readonly run_id: string;
    readonly thread_id: string;
    readonly since: string;
  } | null;
}

/** Reads the queue's health off pg-boss's job table, the workers table and the runs. */
export async function queueHealth(store: PostgresStore, now: Date): Promise<QueueHealth> {
  // A job held back (start_after ahead) is the safety net of a run its accepting process executes itself.
  const states = await sql<{ state: string; n: number }>`
    select case when state = 'created' and start_after > now() then 'held' else state::text end as state, count(*) as n
    from pgboss.job where name = ${RUN_QUEUE} and state < 'completed' group by 1`.execute(store.db);
  const by = Object.fromEntries(states.rows.map((r) => [r.state, Number(r.n)]));
  const dead = await sql<{
    n: number;
  }>`select count(*) as n from pgboss.job where name = ${DEAD_RUN_QUEUE}`.execute(store.db);
  const workers = (await listWorkers(store.db, now)).filter((w) => w.role === "worker");
  const oldest = await store.db
    .selectFrom("runs")
    .leftJoin("events", (join) => join.on("events.id", "=", sql<string>`runs.id || ':accepted'`))
    .select(["runs.id", "runs.thread_id", "runs.started_at"])
    .where("runs.status", "=", "queued")
    // Accept order: the time, then the accepted entry's place in the event log (same-millisecond accepts).
    .orderBy("runs.started_at")
    .orderBy("events.seq")
    .limit(1)
    .executeTakeFirst();
  return {
    queued: by.created ?? 0,
    retrying: by.retry ?? 0,
    held: by.held ?? 0,
    active: by.active ?? 0,
    dead_lettered: Number(dead.rows[0]?.n ?? 0),
    workers: { live: workers.filter((w) => w.live).length, dead: workers.filter((w) => !w.live).length },
    oldest_queued_run: oldest
      ? { run_id: oldest.id, thread_id: oldest.thread_id, since: oldest.started_at }
      : null,
  };
}
