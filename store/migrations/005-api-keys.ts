import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../dialect.ts";

/** API keys of `growth serve` (only a hash of each key is kept) and the threads LangGraph SDK clients create. */
export function apiKeysMigration(_dialect: Dialect): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("key_sha256", "text", (c) => c.notNull().unique())
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createTable("api_threads")
        .addColumn("thread_id", "text", (c) => c.primaryKey())
        .addColumn("metadata", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("api_threads").execute();
      await db.schema.dropTable("api_keys").execute();
    },
  };
}
