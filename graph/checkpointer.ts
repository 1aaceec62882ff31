import { type BaseCheckpointSaver, MemorySaver } from "@langchain/langgraph";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import type pg from "pg";
import { openSqlite, type Store } from "../store/db.ts";

/** Where checkpoints live: the store's SQLite file, the store's Postgres pool, or memory for tests. */
export type CheckpointerConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; pool: pg.Pool }
  | { kind: "memory" };

/**
 * Creates the checkpointer: SqliteSaver on the store's file by default (its own connection, in WAL mode
 * with `synchronous = NORMAL` like the store's, not SQLite's default FULL), PostgresSaver on the store's
 * shared pool (its tables were created when the store opened), MemorySaver for tests.
 */
export function createCheckpointer(config: CheckpointerConfig): BaseCheckpointSaver {
  if (config.kind === "memory") return new MemorySaver();
  if (config.kind === "postgres") return new PostgresSaver(config.pool);
  if (config.file === ":memory:") return new MemorySaver();
  return new SqliteSaver(openSqlite(config.file));
}

/** The checkpointer that lives beside a store: in its SQLite file, or on its Postgres pool. */
export function checkpointerFor(store: Store): BaseCheckpointSaver {
  return createCheckpointer(
    store.dialect === "postgres"
      ? { kind: "postgres", pool: store.pool }
      : { kind: "sqlite", file: store.file },
  );
}
