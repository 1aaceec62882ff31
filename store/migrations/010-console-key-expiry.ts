import type { Kysely, Migration } from "kysely";

/** An API key may carry an expiry (`growth keys create --expires-in <days>`); null keeps it until revoked. */
export function keyExpiryMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema.alterTable("api_keys").addColumn("expires_at", "text").execute();
    },
    async down(db: Db) {
      await db.schema.alterTable("api_keys").dropColumn("expires_at").execute();
    },
  };
}
