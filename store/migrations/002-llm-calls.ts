import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** The LLM call ledger: one row per attempt at a model call, and one per playbook fallback. */
export function llmCallsMigration(dialect: Dialect): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  const money = dialect === "postgres" ? "double precision" : "real";
  return {
    async up(db: Db) {
      await db.schema
        .createTable("llm_calls")
        .addColumn("seq", sql.raw(dialect === "postgres" ? "serial" : "integer"), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("run_id", "text")
        .addColumn("thread_id", "text")
        .addColumn("correlation_id", "text")
        .addColumn("agent", "text", (c) => c.notNull())
        .addColumn("provider", "text", (c) => c.notNull())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("prompt_id", "text")
        .addColumn("prompt_version", "text")
        .addColumn("prompt_hash", "text")
        .addColumn("step", "integer", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("input_tokens", "integer", (c) => c.notNull())
        .addColumn("output_tokens", "integer", (c) => c.notNull())
        .addColumn("cached_tokens", "integer", (c) => c.notNull())
        .addColumn("latency_ms", "integer", (c) => c.notNull())
        .addColumn("cost_usd", sql.raw(money))
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("llm_calls_run").on("llm_calls").column("run_id").execute();
      await db.schema.createIndex("llm_calls_created").on("llm_calls").column("created_at").execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("llm_calls").execute();
    },
  };
}
