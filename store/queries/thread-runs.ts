import { type Kysely, sql } from "kysely";
import type { RunRow } from "../repos/runs.ts";
import type { Database } from "../schema.ts";

/**
 * A thread's unfinished runs (queued or running) in the order they were accepted: by acceptance time, then by
 * the event log's sequence of their `accepted` entries (written in the accept transaction), so two runs
 * accepted in the same millisecond keep their order.
 */
export async function unfinishedRunsOfThread(db: Kysely<Database>, threadId: string): Promise<RunRow[]> {
  return db
    .selectFrom("runs")
    .leftJoin("events", (join) => join.on("events.id", "=", sql<string>`runs.id || ':accepted'`))
    .selectAll("runs")
    .where("runs.thread_id", "=", threadId)
    .where("runs.status", "in", ["queued", "running"])
    .orderBy("runs.started_at")
    .orderBy("events.seq")
    .orderBy("runs.id")
    .execute();
}
