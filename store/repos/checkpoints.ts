import { type Kysely, type RawBuilder, sql } from "kysely";
import { dialectOf } from "../dialect.ts";
import type { Database } from "../schema.ts";
import { inTransaction } from "../transaction.ts";

// The checkpointer creates and owns its tables: SqliteSaver's `checkpoints` and `writes` in the store's file,
// PostgresSaver's `checkpoints`, `checkpoint_writes` and `checkpoint_blobs` (channel values, shared between
// checkpoints by version) in the store's database. Only retention reads and deletes them, so they stay out of
// the migrated, typed schema.

type CheckpointTable = "checkpoints" | "writes" | "checkpoint_writes" | "checkpoint_blobs";

/** The checkpointer's tables in each dialect: the checkpoints themselves and their pending writes. */
function tablesOf(db: Kysely<Database>): { writes: CheckpointTable; blobs: CheckpointTable | null } {
  return dialectOf(db) === "postgres"
    ? { writes: "checkpoint_writes", blobs: "checkpoint_blobs" }
    : { writes: "writes", blobs: null };
}

/** Run statuses that may still need their thread's latest checkpoint (resume, approval, a queued turn). */
export const UNFINISHED_STATUSES = ["queued", "running", "waiting_approval"] as const;

/** Why a thread's checkpoints go: superseded by its latest one, or a finished play past its grace period. */
export type PruneRule = "superseded" | "finished_play";

/** What retention removes (or, in a dry run, would remove) from one thread. */
export interface ThreadPrune {
  readonly threadId: string;
  readonly rule: PruneRule;
  readonly checkpoints: number;
  readonly writes: number;
}

// Stores whose checkpointer tables are known to exist: once created they stay, so each store asks once.
const tablesSeen = new WeakSet<Kysely<Database>>();

/**
 * Whether the checkpointer has created its tables in this store yet (a store whose runs checkpoint in memory
 * has none); a yes is remembered for the store.
 */
export async function checkpointTablesExist(db: Kysely<Database>): Promise<boolean> {
  if (tablesSeen.has(db)) return true;
  const exist = await hasCheckpointTables(db);
  if (exist && !db.isTransaction) tablesSeen.add(db);
  return exist;
}

async function hasCheckpointTables(db: Kysely<Database>): Promise<boolean> {
  const names = ["checkpoints", tablesOf(db).writes];
  const row =
    dialectOf(db) === "postgres"
      ? await sql<{ n: number }>`
          select count(*) as n from information_schema.tables
          where table_schema = current_schema() and table_name in (${sql.join(names)})
        `.execute(db)
      : await sql<{ n: number }>`
          select count(*) as n from sqlite_master where type = 'table' and name in (${sql.join(names)})
        `.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 2;
}

/**
 * Threads whose runs are all finished, with the time the last one finished: only these are pruned, so a
 * paused (approval pending), queued, running or crashed run keeps every checkpoint of its thread.
 */
async function settledThreads(
  db: Kysely<Database>,
  threadId?: string,
): Promise<{ thread_id: string; finished_at: string }[]> {
  let query = db
    .selectFrom("runs")
    .select(["thread_id", sql<string>`max(coalesce(finished_at, updated_at))`.as("finished_at")])
    .groupBy("thread_id")
    .having(
      sql<number>`sum(case when status in (${sql.join([...UNFINISHED_STATUSES])}) then 1 else 0 end)`,
      "=",
      0,
    );
  if (threadId !== undefined) query = query.where("thread_id", "=", threadId);
  return query.execute();
}

const LATEST = sql`(
  select max(c.checkpoint_id) from checkpoints c where c.thread_id = t.thread_id and c.checkpoint_ns = t.checkpoint_ns
)`;

// Rows of one thread a prune removes: all of them, or those older than its latest checkpoint (per namespace);
// a Postgres blob goes once no kept checkpoint names its channel version.
function doomed(table: CheckpointTable, threadId: string, all: boolean): RawBuilder<unknown> {
  const older =
    table === "checkpoint_blobs"
      ? sql`and not exists (
          select 1 from checkpoints c where c.thread_id = t.thread_id and c.checkpoint_ns = t.checkpoint_ns
          and c.checkpoint_id = ${LATEST} and c.checkpoint -> 'channel_versions' ->> t.channel = t.version
        )`
      : sql`and t.checkpoint_id < ${LATEST}`;
  return sql`${sql.table(table)} t where t.thread_id = ${threadId} ${all ? sql`` : older}`;
}

/** Counts what pruning one thread removes. */
async function countThread(db: Kysely<Database>, threadId: string, all: boolean) {
  const count = async (table: CheckpointTable) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${doomed(table, threadId, all)}`.execute(db))
        .rows[0]?.n ?? 0,
    );
  return { checkpoints: await count("checkpoints"), writes: await count(tablesOf(db).writes) };
}

/**
 * Deletes what `countThread` counted, in one transaction (the caller's, if it is in one; writes and blobs
 * first: they hang off checkpoints).
 */
async function deleteThread(db: Kysely<Database>, threadId: string, all: boolean): Promise<void> {
  const { writes, blobs } = tablesOf(db);
  await inTransaction(db, async (tx) => {
    if (blobs === null) {
      for (const table of [writes, "checkpoints"] as const) {
        await sql`delete from ${sql.table(table)} as t where t.rowid in (select t.rowid from ${doomed(table, threadId, all)})`.execute(
          tx,
        );
      }
      return;
    }
    for (const table of [writes, blobs, "checkpoints"] as const) {
      await sql`delete from ${doomed(table, threadId, all)}`.execute(tx);
    }
  });
}

/**
 * Applies the retention policy: a settled thread keeps only its latest checkpoint (what resume and
 * `growth trace` read); a settled play thread whose last run finished before `playsFinishedBefore` keeps
 * none. With `dryRun` nothing is deleted. Returns one entry per thread that loses anything.
 */
export async function pruneCheckpoints(
  db: Kysely<Database>,
  options: { playsFinishedBefore: Date; dryRun?: boolean; threadId?: string },
): Promise<ThreadPrune[]> {
  if (!(await hasCheckpointTables(db))) return [];
  const cutoff = options.playsFinishedBefore.toISOString();
  const pruned: ThreadPrune[] = [];
  for (const thread of await settledThreads(db, options.threadId)) {
    const all = thread.thread_id.startsWith("play:") && thread.finished_at < cutoff;
    const counts = await countThread(db, thread.thread_id, all);
    if (counts.checkpoints === 0 && counts.writes === 0) continue;
    if (!options.dryRun) await deleteThread(db, thread.thread_id, all);
    pruned.push({ threadId: thread.thread_id, rule: all ? "finished_play" : "superseded", ...counts });
  }
  return pruned;
}

/**
 * After a run finishes: unless another run of its thread is unfinished, drops every checkpoint of the thread
 * but the latest, so a thread's history stays bounded however many runs (or chat turns) it has. Inside a
 * transaction the caller has checked `checkpointTablesExist` first.
 */
export async function pruneSupersededCheckpoints(db: Kysely<Database>, threadId: string): Promise<void> {
  if (!db.isTransaction && !(await checkpointTablesExist(db))) return;
  const open = await db
    .selectFrom("runs")
    .select("id")
    .where("status", "in", [...UNFINISHED_STATUSES])
    .where("thread_id", "=", threadId)
    .executeTakeFirst();
  if (open === undefined) await deleteThread(db, threadId, false);
}

/** Checkpoint and pending-write rows in the store (0 before the checkpointer first ran). */
export async function countCheckpointRows(
  db: Kysely<Database>,
): Promise<{ checkpoints: number; writes: number }> {
  if (!(await hasCheckpointTables(db))) return { checkpoints: 0, writes: 0 };
  const count = async (table: CheckpointTable) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0,
    );
  return { checkpoints: await count("checkpoints"), writes: await count(tablesOf(db).writes) };
}
