import { type BaseCheckpointSaver, MemorySaver } from "@langchain/langgraph";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import type pg from "pg";
import { openSqlite, type Store, withPreparedStatements } from "../store/db.ts";
import { type WriteLock, writeLockFor } from "../store/sqlite-write-lock.ts";

/** Where checkpoints live: the store's SQLite file, the store's Postgres pool, or memory for tests. */
export type CheckpointerConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; pool: pg.Pool }
  | { kind: "memory" };

/** SqliteSaver whose writes wait for the store file's write lock, so they never meet an open store transaction. */
class LockedSqliteSaver extends SqliteSaver {
  readonly #lock: WriteLock;
  constructor(db: ConstructorParameters<typeof SqliteSaver>[0], lock: WriteLock) {
    super(db);
    this.#lock = lock;
  }

  // SqliteSaver creates its tables on first use, a write; done under the lock, once, before any read.
  #ready: Promise<void> | null = null;
  #setUp(): Promise<void> {
    this.#ready ??= this.#lock.run(async () => this.setup());
    return this.#ready;
  }

  override async getTuple(...args: Parameters<SqliteSaver["getTuple"]>): ReturnType<SqliteSaver["getTuple"]> {
    await this.#setUp();
    return super.getTuple(...args);
  }

  override async *list(...args: Parameters<SqliteSaver["list"]>): ReturnType<SqliteSaver["list"]> {
    await this.#setUp();
    yield* super.list(...args);
  }

  override put(...args: Parameters<SqliteSaver["put"]>): ReturnType<SqliteSaver["put"]> {
    return this.#lock.run(() => super.put(...args));
  }

  override putWrites(...args: Parameters<SqliteSaver["putWrites"]>): ReturnType<SqliteSaver["putWrites"]> {
    return this.#lock.run(() => super.putWrites(...args));
  }

  override deleteThread(threadId: string): Promise<void> {
    return this.#lock.run(() => super.deleteThread(threadId));
  }
}

/**
 * Creates the checkpointer: SqliteSaver on the store's file by default (its own connection, in WAL mode
 * with `synchronous = NORMAL` like the store's, not SQLite's default FULL, its statements prepared once),
 * PostgresSaver on the store's shared pool (its tables were created when the store opened), MemorySaver for
 * tests.
 */
export function createCheckpointer(config: CheckpointerConfig): BaseCheckpointSaver {
  if (config.kind === "memory") return new MemorySaver();
  if (config.kind === "postgres") return new PostgresSaver(config.pool);
  if (config.file === ":memory:") return new MemorySaver();
  return new LockedSqliteSaver(withPreparedStatements(openSqlite(config.file)), writeLockFor(config.file));
}

/** The checkpointer that lives beside a store: in its SQLite file, or on its Postgres pool. */
export function checkpointerFor(store: Store): BaseCheckpointSaver {
  return createCheckpointer(
    store.dialect === "postgres"
      ? { kind: "postgres", pool: store.pool }
      : { kind: "sqlite", file: store.file },
  );
}
