import type { Kysely, Migration } from "kysely";

/**
 * Run ownership: a run being executed has an owner (the process executing it), a lease that its heartbeat
 * keeps extending, and the time of that heartbeat; `workers` lists the long-lived processes (serve, schedule,
 * worker) with their own heartbeat, so health and `growth workers` can tell live ones from dead ones.
 */
export function ownershipRunsMigration(): Migration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  return {
    async up(db: Db) {
      await db.schema.alterTable("runs").addColumn("owner_id", "text").execute();
      await db.schema.alterTable("runs").addColumn("lease_expires_at", "text").execute();
      await db.schema.alterTable("runs").addColumn("heartbeat_at", "text").execute();
      await db.schema
        .createIndex("runs_owner")
        .on("runs")
        .columns(["owner_id", "lease_expires_at"])
        .execute();
      await db.schema
        .createTable("workers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("host", "text", (c) => c.notNull())
        .addColumn("pid", "integer", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("heartbeat_at", "text", (c) => c.notNull())
        .addColumn("lease_expires_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable("workers").execute();
      await db.schema.dropIndex("runs_owner").execute();
      await db.schema.alterTable("runs").dropColumn("heartbeat_at").execute();
      await db.schema.alterTable("runs").dropColumn("lease_expires_at").execute();
      await db.schema.alterTable("runs").dropColumn("owner_id").execute();
    },
  };
}
