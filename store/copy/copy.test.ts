import { describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { growth } from "../../test/helpers/cli.ts";
import { openTestStore, testLocation } from "../../test/helpers/dialects.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../../test/helpers/fixture.ts";
import { PG_SKIP_REASON } from "../../test/helpers/pg.ts";
import { openStore, type Store } from "../db.ts";
import { appendEvents } from "../repos/events.ts";
import { COPIED_TABLES } from "./index.ts";

const logger = createLogger({ level: "silent" });

async function snapshot(store: Store) {
  const tables: Record<string, unknown[]> = {};
  for (const { table, order } of COPIED_TABLES) {
    tables[table] = await store.db
      .selectFrom(table)
      .selectAll()
      .orderBy(order as never)
      .execute();
  }
  return tables;
}

describe.skipIf(PG_SKIP_REASON !== null)("growth store copy --to postgres://…", () => {
  it("copies every table and checkpoint, so a paused run resumes on Postgres; a second copy is refused", async () => {
    const source = await fixtureStore("sqlite");
    const target = await testLocation("postgres");
    try {
      const embedded = createOrchestrator(source.store, logger, { clock: () => FIXTURE_NOW });
      expect((await embedded.submitEvent(leadQualified("ana.lopez@acme.com"))).status).toBe("completed");
      const waiting = await embedded.submitEvent(leadQualified("carl.cfo@acme.com"));
      expect(waiting.status).toBe("waiting_approval");
      const before = await snapshot(source.store);
      await source.store.close();

      const copied = growth(["--db", source.file, "store", "copy", "--to", target.location, "--json"]);
      expect(copied.code, copied.stderr).toBe(0);
      const report = JSON.parse(copied.stdout) as { rows: Record<string, number>; checkpoints: number };
      expect(report.rows.accounts).toBe(3);
      expect(report.checkpoints).toBeGreaterThan(0);

      const pg = await openStore(target.location);
      try {
        expect(await snapshot(pg)).toEqual(before);
        // Serial counters carry on past the copied ids; the event log stays gap-free.
        const lastSeq = before.events!.length;
        await appendEvents(pg.db, [
          {
            id: "after-copy",
            type: "test",
            entityType: "store",
            entityId: "copy",
            correlationId: "copy",
            causationId: null,
            source: "test",
            payload: {},
            occurredAt: FIXTURE_NOW,
          },
        ]);
        const appended = await pg.db
          .selectFrom("events")
          .select("seq")
          .where("id", "=", "after-copy")
          .executeTakeFirstOrThrow();
        expect(appended.seq).toBe(lastSeq + 1);
        await pg.db
          .insertInto("suppressions")
          .values({
            contact_email: "x@acme.com",
            account_domain: null,
            reason: "bounced",
            note: null,
            created_at: FIXTURE_NOW.toISOString(),
            expires_at: null,
          })
          .execute();

        // The paused run's checkpoint came along: approving it on Postgres finishes it, once.
        const atScale = createOrchestrator(pg, logger, { clock: () => FIXTURE_NOW });
        const { outcome } = await atScale.decide(waiting.pendingApprovals[0]!.approvalId, {
          verdict: "approve",
          by: "test",
        });
        expect(outcome?.status).toBe("completed");
        expect(outcome?.effects.filter((e) => e.status === "executed")).toHaveLength(1);
        const touches = await pg.db
          .selectFrom("touches")
          .select("id")
          .where("contact_email", "=", "carl.cfo@acme.com")
          .where("idempotency_key", "is not", null)
          .execute();
        expect(touches).toHaveLength(1);
      } finally {
        await pg.close();
      }

      const again = growth(["--db", source.file, "store", "copy", "--to", target.location]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(
        /error: the target store postgres:\/\/\S+ is not empty \(accounts \(3\), /,
      );
      expect(again.stderr).toContain("copy into a new, empty database");
    } finally {
      await source.cleanup();
      await target.remove();
    }
  });

  it("refuses a target that is not a postgres:// URL and a source that is not a SQLite file", async () => {
    const { store, cleanup } = await openTestStore("postgres");
    try {
      const notUrl = growth(["--db", "/tmp/x.db", "store", "copy", "--to", "/tmp/y.db"]);
      expect(notUrl.code).toBe(2);
      expect(notUrl.stderr).toContain("--to takes a postgres:// URL of an empty database.");
      const pgSource = growth(["--db", store.location, "store", "copy", "--to", store.location]);
      expect(pgSource.code).toBe(2);
      expect(pgSource.stderr).toContain("store copy reads an embedded SQLite store");
    } finally {
      await cleanup();
    }
  });
});
