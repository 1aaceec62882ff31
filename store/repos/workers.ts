import type { Kysely, Selectable } from "kysely";
import type { Database, WorkersTable } from "../schema.ts";

/** A registered process as stored. */
export type WorkerRow = Selectable<WorkersTable>;

/** Registers (or re-registers) a live process with its first heartbeat and a lease until `now + leaseMs`. */
export async function registerWorker(
  db: Kysely<Database>,
  worker: { id: string; role: string; host: string; pid: number; leaseMs: number; now: Date },
): Promise<void> {
  const at = worker.now.toISOString();
  const expires = new Date(worker.now.getTime() + worker.leaseMs).toISOString();
  await db
    .insertInto("workers")
    .values({
      id: worker.id,
      role: worker.role,
      host: worker.host,
      pid: worker.pid,
      started_at: at,
      heartbeat_at: at,
      lease_expires_at: expires,
    })
    .onConflict((oc) => oc.column("id").doUpdateSet({ heartbeat_at: at, lease_expires_at: expires }))
    .execute();
}

/** Records a process's heartbeat; returns false when its row is gone (it was pruned as dead). */
export async function heartbeatWorker(
  db: Kysely<Database>,
  id: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("workers")
    .set({
      heartbeat_at: now.toISOString(),
      lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(),
    })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes a process that stopped cleanly. */
export async function removeWorker(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("workers").where("id", "=", id).execute();
}

/** A registered process and whether it is alive at `now` (its lease not expired). */
export interface WorkerStatus {
  readonly id: string;
  readonly role: string;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: Date;
  readonly heartbeatAt: Date;
  readonly leaseExpiresAt: Date;
  readonly live: boolean;
}

/** Every registered process, newest heartbeat first, live or dead at `now`. */
export async function listWorkers(db: Kysely<Database>, now: Date): Promise<WorkerStatus[]> {
  const rows = await db
    .selectFrom("workers")
    .selectAll()
    .orderBy("heartbeat_at", "desc")
    .orderBy("id")
    .execute();
  const at = now.toISOString();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    host: r.host,
    pid: Number(r.pid),
    startedAt: new Date(r.started_at),
    heartbeatAt: new Date(r.heartbeat_at),
    leaseExpiresAt: new Date(r.lease_expires_at),
    live: r.lease_expires_at > at,
  }));
}

/** Removes processes whose lease expired before `before` (dead long enough to forget); returns how many. */
export async function pruneDeadWorkers(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("workers")
    .where("lease_expires_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
