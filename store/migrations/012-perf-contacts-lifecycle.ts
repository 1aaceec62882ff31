import type { Kysely, Migration } from "kysely";

/**
 * An index for the store-wide contact count per lifecycle stage (`growth report` and the marketing KPIs): the
 * grouped count reads the covering (lifecycle_stage) index in order instead of scanning every contact row and
 * sorting them for the GROUP BY.
 */
export function contactsLifecycleMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema.createIndex("contacts_lifecycle").on("contacts").column("lifecycle_stage").execute();
    },
    async down(db: Db) {
      await db.schema.dropIndex("contacts_lifecycle").execute();
    },
  };
}
