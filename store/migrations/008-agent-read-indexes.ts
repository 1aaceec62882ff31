import type { Kysely, Migration } from "kysely";

/**
 * An index for the agents' reads of won deals on a large store: the latest closed-won deal of an industry (the
 * customer an outreach draft cites) walks (stage, closed_at, account_domain) from the newest, covered, until
 * its account's industry matches; the won-deal sums per segment and the marketing KPIs' won counts
 * range-search it instead of scanning every opportunity.
 */
export function agentReadIndexesMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema
        .createIndex("opportunities_stage_closed")
        .on("opportunities")
        .columns(["stage", "closed_at", "account_domain"])
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropIndex("opportunities_stage_closed").execute();
    },
  };
}
