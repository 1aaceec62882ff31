import { type Kysely, type Migration, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** The first schema: CRM tables, the event log, guard records, outbox and runs. */
export function initialMigration(dialect: Dialect): Migration {
  // Kysely's migration API is untyped by design: the schema is being created here.
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  type Db = Kysely<any>;
  const serial = dialect === "postgres" ? "serial" : "integer";
  const money = dialect === "postgres" ? "bigint" : "integer";

  return {
    async up(db: Db) {
      await db.schema
        .createTable("accounts")
        .addColumn("domain", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("industry", "text")
        .addColumn("employees", "integer")
        .addColumn("country", "text")
        .addColumn("owner", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("contacts")
        .addColumn("email", "text", (c) => c.primaryKey())
        .addColumn("first_name", "text")
        .addColumn("last_name", "text")
        .addColumn("title", "text")
        .addColumn("account_domain", "text")
        .addColumn("lifecycle_stage", "text", (c) => c.notNull())
        .addColumn("do_not_contact", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("unsubscribed", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("bounced", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("contacts_account").on("contacts").column("account_domain").execute();

      await db.schema
        .createTable("leads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("contact_email", "text", (c) => c.notNull())
        .addColumn("account_domain", "text")
        .addColumn("source", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("fit_score", "integer")
        .addColumn("engagement_score", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("qualified_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("leads_contact").on("leads").column("contact_email").execute();
      await db.schema.createIndex("leads_status").on("leads").column("status").execute();

      await db.schema
        .createTable("opportunities")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_domain", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("amount_cents", sql.raw(money), (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("owner", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("closed_at", "text")
        .addColumn("lost_reason", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("opportunities_account_stage")
        .on("opportunities")
        .columns(["account_domain", "stage"])
        .execute();

      await db.schema
        .createTable("opportunity_stage_history")
        .addColumn("id", sql.raw(serial), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("opportunity_id", "text", (c) => c.notNull())
        .addColumn("from_stage", "text")
        .addColumn("to_stage", "text", (c) => c.notNull())
        .addColumn("entered_at", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .execute();
      await db.schema
        .createIndex("stage_history_opportunity")
        .on("opportunity_stage_history")
        .columns(["opportunity_id", "entered_at"])
        .execute();

      await db.schema
        .createTable("campaigns")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("channel", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("owner_agent", "text")
        .addColumn("budget_cents", sql.raw(money))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("touches")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("contact_email", "text", (c) => c.notNull())
        .addColumn("account_domain", "text")
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("campaign", "text")
        .addColumn("agent", "text")
        .addColumn("cluster", "text")
        .addColumn("content_hash", "text")
        .addColumn("occurred_at", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.unique())
        .execute();
      // The conflict guard asks, for every proposed action: this contact's, this account's and this
      // agent's touches inside a time window. Each lookup has its own (key, time) index.
      await db.schema
        .createIndex("touches_contact_time")
        .on("touches")
        .columns(["contact_email", "occurred_at"])
        .execute();
      await db.schema
        .createIndex("touches_account_time")
        .on("touches")
        .columns(["account_domain", "occurred_at"])
        .execute();
      await db.schema
        .createIndex("touches_agent_time")
        .on("touches")
        .columns(["agent", "occurred_at"])
        .execute();

      await db.schema
        .createTable("events")
        .addColumn("seq", sql.raw(serial), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("entity_type", "text", (c) => c.notNull())
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("causation_id", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("occurred_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("events_correlation")
        .on("events")
        .columns(["correlation_id", "seq"])
        .execute();
      await db.schema
        .createIndex("events_entity")
        .on("events")
        .columns(["entity_type", "entity_id", "seq"])
        .execute();
      await db.schema.createIndex("events_type").on("events").columns(["type", "seq"]).execute();

      await db.schema
        .createTable("suppressions")
        .addColumn("id", sql.raw(serial), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("contact_email", "text")
        .addColumn("account_domain", "text")
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .execute();
      await db.schema
        .createIndex("suppressions_contact")
        .on("suppressions")
        .column("contact_email")
        .execute();
      await db.schema
        .createIndex("suppressions_account")
        .on("suppressions")
        .column("account_domain")
        .execute();

      await db.schema
        .createTable("sequences")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("contact_email", "text", (c) => c.notNull())
        .addColumn("account_domain", "text")
        .addColumn("agent", "text", (c) => c.notNull())
        .addColumn("cluster", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("ends_at", "text")
        .execute();
      await db.schema
        .createIndex("sequences_contact_status")
        .on("sequences")
        .columns(["contact_email", "status"])
        .execute();
      await db.schema
        .createIndex("sequences_account_status")
        .on("sequences")
        .columns(["account_domain", "status"])
        .execute();

      await db.schema
        .createTable("leases")
        .addColumn("account_domain", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("run_id", "text")
        .addColumn("thread_id", "text")
        .addColumn("acquired_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("conflicts")
        .addColumn("id", sql.raw(serial), (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("thread_id", "text", (c) => c.notNull())
        .addColumn("action_id", "text", (c) => c.notNull())
        .addColumn("agent", "text", (c) => c.notNull())
        .addColumn("rule", "text", (c) => c.notNull())
        .addColumn("decision", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("account_domain", "text")
        .addColumn("contact_email", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("conflicts_correlation").on("conflicts").column("correlation_id").execute();
      await db.schema
        .createIndex("conflicts_run_action_target")
        .on("conflicts")
        .columns(["run_id", "action_id", "target"])
        .unique()
        .execute();

      await db.schema
        .createTable("dead_letters")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("thread_id", "text", (c) => c.notNull())
        .addColumn("node", "text", (c) => c.notNull())
        .addColumn("event", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("error", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("dead_letters_status").on("dead_letters").column("status").execute();
      await db.schema.createIndex("leases_run").on("leases").column("run_id").execute();

      await db.schema
        .createTable("approvals")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("thread_id", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("action_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("decided_by", "text")
        .addColumn("decision_note", "text")
        .addColumn("edit", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("decided_at", "text")
        .execute();
      await db.schema
        .createIndex("approvals_status")
        .on("approvals")
        .columns(["status", "created_at"])
        .execute();
      await db.schema.createIndex("approvals_thread").on("approvals").column("thread_id").execute();

      await db.schema
        .createTable("outbox")
        .addColumn("idempotency_key", "text", (c) => c.primaryKey())
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("thread_id", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("action_id", "text", (c) => c.notNull())
        .addColumn("action_type", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .execute();
      await db.schema.createIndex("outbox_status").on("outbox").columns(["status", "created_at"]).execute();

      await db.schema
        .createTable("runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("thread_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("correlation_id", "text", (c) => c.notNull())
        .addColumn("request_key", "text", (c) => c.notNull().unique())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("request", "text", (c) => c.notNull())
        .addColumn("summary", "text")
        .addColumn("dry_run", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .execute();
      await db.schema.createIndex("runs_status").on("runs").columns(["status", "started_at"]).execute();
      await db.schema.createIndex("runs_correlation").on("runs").column("correlation_id").execute();
    },
  };
}
