import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../../test/helpers/dialects.ts";
import { openStore, type Store } from "../db.ts";
import { kpiCounts } from "../queries/marketing-analytics.ts";
import { decideApproval, openApprovals } from "./approvals.ts";
import { claimOutboxKey, countOutboxByType } from "./outbox.ts";
import { loadReliabilityState, saveReliabilityState } from "./reliability-state.ts";
import { countRunsByStatus, createRun } from "./runs.ts";
import { personalIdKey } from "./store-secrets.ts";

const AT = new Date("2026-11-10T12:00:00.000Z");

const run = (id: string, requestKey: string) => ({
  id,
  threadId: "account:acme.com",
  kind: "event",
  correlationId: `c-${id}`,
  requestKey,
  status: "queued" as const,
  request: { id },
  dryRun: false,
  at: AT,
});

const outboxEntry = (key: string, actionType = "send_touch") => ({
  key,
  runId: "r1",
  threadId: "t1",
  correlationId: "c1",
  actionId: "a1",
  actionType,
  payload: { key },
  at: AT,
});

/** A second store on the same file or database: what another process would open. */
async function withSecond<T>(store: Store, fn: (other: Store) => Promise<T>): Promise<T> {
  const other = await openStore(store.location);
  try {
    return await fn(other);
  } finally {
    await other.close();
  }
}

describeEachDialect("the store contract", (dialect) => {
  const store = useTestStore(dialect);

  it("creates a run once per request key, even when two processes create it at once", async () => {
    const results = await withSecond(store(), (other) =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) => createRun((i % 2 ? other : store()).db, run(`r${i}`, "key-1"))),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
    expect(await countRunsByStatus(store().db)).toEqual({ queued: 1 });
  });

  it("claims an outbox key for exactly one claimant, and counts come back as numbers in key order", async () => {
    const claims = await withSecond(store(), (other) =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) => claimOutboxKey((i % 2 ? other : store()).db, outboxEntry("k1"))),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await claimOutboxKey(store().db, outboxEntry("k2", "enrol_in_campaign"));
    const counts = await countOutboxByType(store().db);
    expect(counts).toEqual({ enrol_in_campaign: 1, send_touch: 1 });
    expect(Object.keys(counts)).toEqual(["enrol_in_campaign", "send_touch"]);
  });

  it("lets one of two simultaneous deciders decide an approval", async () => {
    await openApprovals(store().db, [
      {
        id: "ap1",
        runId: "r1",
        threadId: "t1",
        correlationId: "c1",
        actionId: "a1",
        action: { type: "send_touch" },
        reason: "first touch to an executive",
        at: AT,
      },
    ]);
    const decided = await withSecond(store(), (other) =>
      Promise.all(
        ["approved", "rejected", "approved", "rejected"].map((status, i) =>
          decideApproval((i % 2 ? other : store()).db, "ap1", {
            status: status as "approved" | "rejected",
            by: `person-${i}`,
            note: null,
            at: AT,
          }),
        ),
      ),
    );
    expect(decided.filter(Boolean)).toHaveLength(1);
  });

  it("keeps money in integer cents exactly, summed past 2^32 and up to 2^53", async () => {
    const cents = [4_503_599_627_370_000, 4_503_599_627_370_495, 3];
    await store()
      .db.insertInto("opportunities")
      .values(
        cents.map((amount, i) => ({
          id: `opp-${i}`,
          account_domain: "acme.com",
          name: `Deal ${i}`,
          amount_cents: amount,
          currency: "USD",
          stage: "closed_won",
          owner: null,
          created_at: "2026-10-01T00:00:00.000Z",
          closed_at: "2026-11-01T00:00:00.000Z",
          lost_reason: null,
          updated_at: "2026-11-01T00:00:00.000Z",
        })),
      )
      .execute();
    const kpis = await kpiCounts(store().db, {
      from: new Date("2026-10-15T00:00:00.000Z"),
      to: new Date("2026-11-05T00:00:00.000Z"),
    });
    expect(kpis.dealsWon).toBe(3);
    expect(kpis.wonRevenueCents).toBe(9_007_199_254_740_498);
    const row = await store()
      .db.selectFrom("opportunities")
      .select("amount_cents")
      .where("id", "=", "opp-1")
      .executeTakeFirstOrThrow();
    expect(row.amount_cents).toBe(4_503_599_627_370_495);
  });

  it.skipIf(dialect !== "postgres")(
    "refuses a sum a double would round, instead of returning it wrong",
    async () => {
      await expect(
        sql`select sum(x) as n from (values (9007199254740993::bigint), (1::bigint)) as v(x)`.execute(
          store().db,
        ),
      ).rejects.toThrow(/larger than the store can hold exactly/);
    },
  );

  it("reads flags as 0 and 1 and counts as numbers", async () => {
    await store()
      .db.insertInto("contacts")
      .values({
        email: "ana@acme.com",
        first_name: "Ana",
        last_name: null,
        title: null,
        account_domain: "acme.com",
        lifecycle_stage: "mql",
        do_not_contact: 1,
        unsubscribed: 0,
        bounced: 0,
        created_at: AT.toISOString(),
        updated_at: AT.toISOString(),
      })
      .execute();
    const contact = await store()
      .db.selectFrom("contacts")
      .select(["do_not_contact", "unsubscribed"])
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ do_not_contact: 1, unsubscribed: 0 });
    const n = await store()
      .db.selectFrom("contacts")
      .select(store().db.fn.countAll<number>().as("n"))
      .execute();
    expect(n).toEqual([{ n: 1 }]);
  });

  it("upserts reliability state and keeps one personal-id key, whoever asks first", async () => {
    await saveReliabilityState(store().db, "provider:openai", { open: false }, AT);
    await saveReliabilityState(store().db, "provider:openai", { open: true }, AT);
    expect(await loadReliabilityState(store().db)).toEqual({
      "provider:openai": { state: { open: true }, updatedAt: AT.toISOString() },
    });
    const keys = await withSecond(store(), (other) =>
      Promise.all([personalIdKey(store().db), personalIdKey(other.db), personalIdKey(store().db)]),
    );
    expect(new Set(keys).size).toBe(1);
  });

  it("compares ISO times as text the same way on both engines", async () => {
    const times = ["2026-11-10T12:00:00.000Z", "2026-11-09T23:59:59.999Z", "2026-11-10T00:00:00.000Z"];
    await store()
      .db.insertInto("rejections")
      .values(
        times.map((t) => ({
          source: "test",
          kind: "event",
          issues: "[]",
          payload_sha256: "x",
          payload_chars: 1,
          received_at: t,
        })),
      )
      .execute();
    const rows = await store()
      .db.selectFrom("rejections")
      .select("received_at")
      .where("received_at", ">", "2026-11-10")
      .orderBy("received_at")
      .execute();
    expect(rows.map((r) => r.received_at)).toEqual(["2026-11-10T00:00:00.000Z", "2026-11-10T12:00:00.000Z"]);
    const byId = await sql<{ id: string }>`select 'B' as id union all select 'a' order by id`.execute(
      store().db,
    );
    expect(byId.rows.map((r) => r.id)).toEqual(["B", "a"]);
  });
});
