import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Each agent run's time (ms) since `since`, from the agent_completed events that carry it. */
export async function agentDurations(db: Kysely<Database>, since: Date) {
  const rows = await db
    .selectFrom("events")
    .select(["source", "payload"])
    .where("type", "=", "agent_completed")
    .where("occurred_at", ">=", since.toISOString())
    .execute();
  return rows.flatMap((r) => {
    const ms = (JSON.parse(r.payload) as { durationMs?: unknown }).durationMs;
    return typeof ms === "number" ? [{ agent: r.source, ms }] : [];
  });
}

/** Runs that finished since `since`, and how many of them failed or were dead-lettered. */
export async function finishedRuns(db: Kysely<Database>, since: Date) {
  const rows = await db
    .selectFrom("runs")
    .select(["status", db.fn.countAll<number>().as("n")])
    .where("finished_at", ">=", since.toISOString())
    .groupBy("status")
    .execute();
  let finished = 0;
  let failed = 0;
  for (const r of rows) {
    finished += Number(r.n);
    if (r.status === "failed" || r.status === "dead_lettered") failed += Number(r.n);
  }
  return { finished, failed };
}

/** Open dead letters, and how many were recorded since `since`. */
export async function deadLetterGrowth(db: Kysely<Database>, since: Date) {
  const open = await db
    .selectFrom("dead_letters")
    .select(db.fn.countAll<number>().as("n"))
    .where("status", "=", "open")
    .executeTakeFirst();
  const recent = await db
    .selectFrom("dead_letters")
    .select(db.fn.countAll<number>().as("n"))
    .where("created_at", ">=", since.toISOString())
    .executeTakeFirst();
  return { open: Number(open?.n ?? 0), recent: Number(recent?.n ?? 0) };
}

/** Whether a run exists on a thread (a play's slot thread, `play:<name>:<slot>`). */
export async function runOnThread(db: Kysely<Database>, threadId: string): Promise<boolean> {
  const row = await db.selectFrom("runs").select("id").where("thread_id", "=", threadId).executeTakeFirst();
  return row !== undefined;
}

/** An alert's latest state change in the event log. */
export interface AlertState {
  readonly id: string;
  readonly state: "raised" | "cleared";
  readonly seq: number;
  readonly at: string;
  readonly payload: Record<string, unknown>;
}

/** The latest raised or cleared event of every alert the log knows. */
export async function alertStates(db: Kysely<Database>): Promise<AlertState[]> {
  const rows = await db
    .selectFrom("events")
    .select(["seq", "type", "entity_id", "payload", "occurred_at"])
    .where("entity_type", "=", "alert")
    .where("type", "in", ["alert_raised", "alert_cleared"])
    .orderBy("seq")
    .execute();
  const latest = new Map<string, AlertState>();
  for (const r of rows)
    latest.set(r.entity_id, {
      id: r.entity_id,
      state: r.type === "alert_raised" ? "raised" : "cleared",
      seq: Number(r.seq),
      at: r.occurred_at,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    });
  return [...latest.values()];
}
