import { type BaseCheckpointSaver, MemorySaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { openSqlite } from "../store/db.ts";

/** Where checkpoints live: the embedded SQLite file (same file as the store), or memory for tests. */
export type CheckpointerConfig = { kind: "sqlite"; file: string } | { kind: "memory" };

/**
 * Creates the checkpointer: SqliteSaver on the store's file by default (its own connection, in WAL mode
 * with `synchronous = NORMAL` like the store's, not SQLite's default FULL), MemorySaver for tests.
 */
export function createCheckpointer(config: CheckpointerConfig): BaseCheckpointSaver {
  if (config.kind === "memory" || config.file === ":memory:") return new MemorySaver();
  return new SqliteSaver(openSqlite(config.file));
}
