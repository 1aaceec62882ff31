import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Breaker and retry-budget state, one row per key, so every process (and `growth health`) sees the same. */
export function reliabilityStateMigration(_dialect: Dialect): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createTable("reliability_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("reliability_state").execute();
    },
  };
}
