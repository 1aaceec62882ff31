import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Statuses of a run that is over: nobody may own it any more. */
const FINISHED = ["completed", "failed", "dead_lettered"] as const;

/**
 * Takes a run for `ownerId` until `now + leaseMs`, in one UPDATE: it succeeds only when the run is not
 * finished and is unowned, already this owner's, or its owner's lease has expired (the owner died). Two
 * processes racing for one run: the database serialises the two updates and the second finds the row taken.
 */
export async function claimRun(
  db: Kysely<Database>,
  runId: string,
  ownerId: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("runs")
    .set({ owner_id: ownerId, lease_expires_at: leaseEnd(now, leaseMs), heartbeat_at: at })
    .where("id", "=", runId)
    .where("status", "not in", FINISHED)
    .where((eb) =>
      eb.or([eb("owner_id", "is", null), eb("owner_id", "=", ownerId), eb("lease_expires_at", "<=", at)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Extends the lease of every run `ownerId` holds to `now + leaseMs`; returns how many it holds. */
export async function heartbeatRuns(
  db: Kysely<Database>,
  ownerId: string,
  leaseMs: number,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable("runs")
    .set({ lease_expires_at: leaseEnd(now, leaseMs), heartbeat_at: now.toISOString() })
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives a run up, if `ownerId` still holds it; returns whether it did. */
export async function releaseRun(db: Kysely<Database>, runId: string, ownerId: string): Promise<boolean> {
  const result = await db
    .updateTable("runs")
    .set({ owner_id: null, lease_expires_at: null, heartbeat_at: null })
    .where("id", "=", runId)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives up every run `ownerId` holds (a clean shutdown); returns how many. */
export async function releaseOwnerRuns(db: Kysely<Database>, ownerId: string): Promise<number> {
  const result = await db
    .updateTable("runs")
    .set({ owner_id: null, lease_expires_at: null, heartbeat_at: null })
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A run someone holds: by whom, until when, and whether that owner is alive (its lease not expired) at `now`. */
export interface HeldRun {
  readonly runId: string;
  readonly threadId: string;
  readonly status: string;
  readonly ownerId: string;
  readonly leaseExpiresAt: Date;
  readonly heartbeatAt: Date | null;
  readonly live: boolean;
}

/** Every run with an owner, oldest lease first; `live` tells a live owner's runs from a dead owner's. */
export async function heldRuns(db: Kysely<Database>, now: Date): Promise<HeldRun[]> {
  const rows = await db
    .selectFrom("runs")
    .select(["id", "thread_id", "status", "owner_id", "lease_expires_at", "heartbeat_at"])
    .where("owner_id", "is not", null)
    .orderBy("lease_expires_at")
    .orderBy("id")
    .execute();
  const at = now.toISOString();
  return rows.map((r) => ({
    runId: r.id,
    threadId: r.thread_id,
    status: r.status,
    ownerId: r.owner_id as string,
    leaseExpiresAt: new Date(r.lease_expires_at ?? at),
    heartbeatAt: r.heartbeat_at ? new Date(r.heartbeat_at) : null,
    live: (r.lease_expires_at ?? at) > at,
  }));
}

/** How many runs live owners hold, and how many are held by owners whose lease expired (dead, to be resumed). */
export async function countHeldRuns(
  db: Kysely<Database>,
  now: Date,
): Promise<{ live: number; dead: number }> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom("runs")
    .select((eb) => [
      eb.fn.countAll<number>().as("n"),
      eb.fn.count<number>("id").filterWhere("lease_expires_at", ">", at).as("live"),
    ])
    .where("owner_id", "is not", null)
    .executeTakeFirstOrThrow();
  const live = Number(rows.live);
  return { live, dead: Number(rows.n) - live };
}

/** Whether a run is held by a live owner other than `ownerId` at `now` (what a resumer must leave alone). */
export async function heldByOther(
  db: Kysely<Database>,
  runId: string,
  ownerId: string,
  now: Date,
): Promise<{ ownerId: string; leaseExpiresAt: Date } | null> {
  const row = await db
    .selectFrom("runs")
    .select(["owner_id", "lease_expires_at"])
    .where("id", "=", runId)
    .where("owner_id", "is not", null)
    .where("owner_id", "!=", ownerId)
    .where("lease_expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row
    ? { ownerId: row.owner_id as string, leaseExpiresAt: new Date(row.lease_expires_at as string) }
    : null;
}

function leaseEnd(now: Date, leaseMs: number): string {
  return new Date(now.getTime() + leaseMs).toISOString();
}
