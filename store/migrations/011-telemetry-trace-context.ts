import type { Kysely, Migration } from "kysely";

/**
 * The W3C traceparent a run continues: the HTTP request's, or the run that emitted it as a follow-up, so a
 * resumed run, a follow-up run and (at scale) a worker's run all join the trace their request started. Plus an
 * index for the SLA alerts' windowed reads of one event type (agent run times over the last hour).
 */
export function telemetryTraceContextMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema.alterTable("runs").addColumn("traceparent", "text").execute();
      await db.schema.createIndex("events_type_time").on("events").columns(["type", "occurred_at"]).execute();
    },
    async down(db: Db) {
      await db.schema.dropIndex("events_type_time").execute();
      await db.schema.alterTable("runs").dropColumn("traceparent").execute();
    },
  };
}
