import type { Kysely, Migration } from "kysely";

/**
 * Indexes for stores of millions of touches: the report reads each won deal's lead-creation anchor (the
 * earliest created_at of its account's contacts) straight off (account, created_at), and store-wide touch
 * counts over a time window (the marketing KPIs) range-scan (occurred_at, channel) instead of the table.
 */
export function scaleIndexesMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createIndex("contacts_account_created")
        .on("contacts")
        .columns(["account_domain", "created_at"])
        .execute();
      await db.schema.createIndex("touches_time").on("touches").columns(["occurred_at", "channel"]).execute();
    },
    async down(db: Db) {
      await db.schema.dropIndex("touches_time").execute();
      await db.schema.dropIndex("contacts_account_created").execute();
    },
  };
}
