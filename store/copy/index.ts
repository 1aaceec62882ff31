import type { BaseCheckpointSaver, CheckpointTuple } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { type Kysely, sql } from "kysely";
import { UserError } from "../../domain/errors.ts";
import { openSqlite, type PostgresStore, type SqliteStore } from "../db.ts";
import type { Database } from "../schema.ts";

/** Every table of the store, parents first, with the column that orders a copy (and the serial to carry on). */
export const COPIED_TABLES = [
  { table: "accounts", order: "domain", serial: null },
  { table: "contacts", order: "email", serial: null },
  { table: "leads", order: "id", serial: null },
  { table: "opportunities", order: "id", serial: null },
  { table: "opportunity_stage_history", order: "id", serial: "id" },
  { table: "campaigns", order: "id", serial: null },
  { table: "touches", order: "id", serial: null },
  { table: "events", order: "seq", serial: "seq" },
  { table: "suppressions", order: "id", serial: "id" },
  { table: "sequences", order: "id", serial: null },
  { table: "leases", order: "account_domain", serial: null },
  { table: "conflicts", order: "id", serial: "id" },
  { table: "dead_letters", order: "id", serial: null },
  { table: "approvals", order: "id", serial: null },
  { table: "outbox", order: "idempotency_key", serial: null },
  { table: "runs", order: "id", serial: null },
  { table: "llm_calls", order: "seq", serial: "seq" },
  { table: "rejections", order: "seq", serial: "seq" },
  { table: "api_keys", order: "id", serial: null },
  { table: "api_threads", order: "thread_id", serial: null },
  { table: "store_secrets", order: "name", serial: null },
  { table: "reliability_state", order: "key", serial: null },
  { table: "workers", order: "id", serial: null },
] as const satisfies readonly { table: keyof Database; order: string; serial: string | null }[];

/** What a copy moved: rows per table, and the checkpoints and pending writes of every thread. */
export interface CopyReport {
  readonly rows: Readonly<Record<string, number>>;
  readonly threads: number;
  readonly checkpoints: number;
  readonly writes: number;
}

// Postgres takes at most 65,535 bound parameters per statement.
const MAX_PARAMETERS = 60_000;
const READ_BATCH = 5_000;

/**
 * Copies an embedded store into an empty Postgres store: every table row by row (ids and the event log's
 * sequence kept, serial counters moved past them) in one transaction, and every checkpoint (with its pending
 * writes) through the two checkpointers. Refuses a target that holds anything; a failure leaves it empty.
 */
export async function copyStore(source: SqliteStore, target: PostgresStore): Promise<CopyReport> {
  const occupied = await occupiedTables(target.db);
  if (occupied.length > 0) {
    throw new UserError(
      "copy_target_not_empty",
      `the target store ${target.name} is not empty (${occupied.join(", ")}); copy into a new, empty database (createdb, then \`growth store copy --to <its URL>\`).`,
    );
  }
  const copied: string[] = [];
  const pgSaver = new PostgresSaver(target.pool);
  try {
    const checkpoints = await copyCheckpoints(source, pgSaver, copied);
    const rows = await target.db.transaction().execute(async (trx) => {
      const counts: Record<string, number> = {};
      for (const { table, order, serial } of COPIED_TABLES) {
        counts[table] = await copyTable(source.db, trx, table, order);
        if (serial) await advanceSerial(trx, table, serial);
      }
      return counts;
    });
    return { rows, ...checkpoints };
  } catch (error) {
    for (const threadId of copied) await pgSaver.deleteThread(threadId);
    throw error;
  }
}

/** Tables of the target holding rows (checkpoints included), as `name (rows)`. */
async function occupiedTables(db: Kysely<Database>): Promise<string[]> {
  const found: string[] = [];
  for (const table of [...COPIED_TABLES.map((t) => t.table), "checkpoints", "checkpoint_writes"]) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    const n = Number(row.rows[0]?.n ?? 0);
    if (n > 0) found.push(`${table} (${n})`);
  }
  return found;
}

async function copyTable(
  from: Kysely<Database>,
  to: Kysely<Database>,
  table: keyof Database,
  order: string,
): Promise<number> {
  let copied = 0;
  for (let offset = 0; ; offset += READ_BATCH) {
    const rows = (await from
      .selectFrom(table)
      .selectAll()
      .orderBy(sql.ref(order))
      .limit(READ_BATCH)
      .offset(offset)
      .execute()) as Record<string, unknown>[];
    if (rows.length === 0) return copied;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
    for (let i = 0; i < rows.length; i += perStatement) {
      await to
        .insertInto(table)
        .values(rows.slice(i, i + perStatement) as never)
        .execute();
    }
    copied += rows.length;
    if (rows.length < READ_BATCH) return copied;
  }
}

// Rows keep their ids, so the serial's counter must start after the largest one.
async function advanceSerial(db: Kysely<Database>, table: string, column: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 1), max(${sql.ref(column)}) is not null) from ${sql.table(table)}`.execute(
    db,
  );
}

/** Re-creates every checkpoint of the source file in the target's checkpointer, oldest first per thread. */
async function copyCheckpoints(
  source: SqliteStore,
  target: BaseCheckpointSaver,
  copied: string[],
): Promise<{ threads: number; checkpoints: number; writes: number }> {
  if (source.file === ":memory:") return { threads: 0, checkpoints: 0, writes: 0 };
  const hasTables = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name in ('checkpoints', 'writes')`.execute(
    source.db,
  );
  if (Number(hasTables.rows[0]?.n ?? 0) < 2) return { threads: 0, checkpoints: 0, writes: 0 };
  const threads = await sql<{ thread_id: string; checkpoint_ns: string }>`
    select distinct thread_id, checkpoint_ns from checkpoints order by thread_id, checkpoint_ns`.execute(
    source.db,
  );
  const connection = openSqlite(source.file);
  const sqliteSaver = new SqliteSaver(connection);
  let checkpoints = 0;
  let writes = 0;
  try {
    for (const { thread_id, checkpoint_ns } of threads.rows) {
      if (!copied.includes(thread_id)) copied.push(thread_id);
      const tuples: CheckpointTuple[] = [];
      for await (const tuple of sqliteSaver.list({ configurable: { thread_id, checkpoint_ns } }))
        tuples.push(tuple);
      for (const tuple of tuples.reverse()) {
        const parent = tuple.parentConfig?.configurable?.checkpoint_id as string | undefined;
        if (!tuple.metadata)
          throw new Error(`checkpoint ${tuple.checkpoint.id} of ${thread_id} has no metadata`);
        const saved = await target.put(
          { configurable: { thread_id, checkpoint_ns, ...(parent ? { checkpoint_id: parent } : {}) } },
          tuple.checkpoint,
          tuple.metadata,
          tuple.checkpoint.channel_versions,
        );
        checkpoints += 1;
        const byTask = new Map<string, [string, unknown][]>();
        for (const [taskId, channel, value] of tuple.pendingWrites ?? []) {
          byTask.set(taskId, [...(byTask.get(taskId) ?? []), [channel, value]]);
        }
        for (const [taskId, taskWrites] of byTask) {
          await target.putWrites(saved, taskWrites, taskId);
          writes += taskWrites.length;
        }
      }
    }
  } finally {
    connection.close();
  }
  return { threads: new Set(threads.rows.map((t) => t.thread_id)).size, checkpoints, writes };
}
