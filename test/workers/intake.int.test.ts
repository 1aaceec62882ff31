import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { IntakeQueue } from "../../runtime/orchestrator/queue.ts";
import type { Store } from "../../store/db.ts";
import { enqueueRun, queueSettings, transactionalSender } from "../../store/queue/boss.ts";
import { RUN_QUEUE } from "../../store/queue/job.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;

async function jobs(store: Store) {
  const rows = await sql<{ data: { runId: string; threadId: string; v: number; depth: number } }>`
    select data from pgboss.job where name = ${RUN_QUEUE} order by created_on`.execute(store.db);
  return rows.rows.map((r) => r.data);
}

describePg(`intake on PostgreSQL${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`, () => {
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  async function setUp() {
    const fixture = await fixtureStore("postgres");
    cleanup = fixture.cleanup;
    const queue: IntakeQueue = {
      boss: transactionalSender(),
      settings: queueSettings({}),
      dispatch: "workers",
    };
    const orchestrator = createOrchestrator(fixture.store, createLogger({ level: "silent" }), {
      env: {},
      queue,
      clock: () => FIXTURE_NOW,
    });
    return { store: fixture.store, orchestrator, queue };
  }

  it("writes the run and its job in one transaction; a second delivery enqueues nothing", async () => {
    const { store, orchestrator } = await setUp();
    const first = await orchestrator.submitEvent(leadQualified("dana@acme.com", "c-1"));
    expect(first.status).toBe("queued");
    expect(await jobs(store)).toEqual([{ v: 1, runId: first.runId, threadId: first.threadId, depth: 0 }]);
    const again = await orchestrator.submitEvent(leadQualified("dana@acme.com", "c-1"));
    expect(again).toMatchObject({ status: "duplicate", duplicateOf: first.runId });
    expect(await jobs(store)).toHaveLength(1);
    const run = await store.db.selectFrom("runs").selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: first.runId, status: "queued" });
  });

  it("a rolled-back accept leaves no job, and a job is never sent outside a transaction", async () => {
    const { store, queue } = await setUp();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await enqueueRun(queue.boss, trx, { v: 1, runId: "r-1", threadId: "t-1", depth: 0 }, queue.settings);
        expect(await jobs(store)).toHaveLength(0); // not visible outside the transaction before it commits
        throw new Error("the accept failed");
      }),
    ).rejects.toThrow("the accept failed");
    expect(await jobs(store)).toHaveLength(0);
    await expect(queue.boss.send(RUN_QUEUE, { v: 1 })).rejects.toMatchObject({
      code: "queue_no_transaction",
    });
  });
});
