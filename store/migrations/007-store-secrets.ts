import type { Kysely, Migration } from "kysely";

/** Secrets one store keeps for itself, such as the key that turns emails into non-personal ids for thread names. */
export function storeSecretsMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createTable("store_secrets")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("store_secrets").execute();
    },
  };
}
