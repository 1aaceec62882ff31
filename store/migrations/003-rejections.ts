import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Refused input: what came in at a boundary, why it was refused, and when; kept apart from the event log. */
export function rejectionsMigration(dialect: Dialect): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createTable("rejections")
        .addColumn("seq", sql.raw(dialect === "postgres" ? "serial" : "integer"), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("issues", "text", (c) => c.notNull())
        .addColumn("payload_sha256", "text", (c) => c.notNull())
        .addColumn("payload_chars", "integer", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("rejections_received").on("rejections").column("received_at").execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("rejections").execute();
    },
  };
}
