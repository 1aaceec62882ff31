import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { intakeQueueFor } from "../../runtime/orchestrator/queue.ts";
import { RunOwner } from "../../runtime/ownership/index.ts";
import { RunControl } from "../../runtime/run-control.ts";
import { type RunningWorker, startWorker } from "../../runtime/worker/index.ts";
import type { PostgresStore, Store } from "../../store/db.ts";
import { createBoss, queueSettings } from "../../store/queue/boss.ts";
import { DEAD_RUN_QUEUE, RUN_QUEUE } from "../../store/queue/job.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;
const logger = createLogger({ level: "silent" });
const settings = { ...queueSettings({}), expireSeconds: 30, retryDelaySeconds: 1, maintainSeconds: 1 };

async function until<T>(
  what: string,
  read: () => Promise<T | null | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function jobStates(store: Store, queue: string) {
  const rows = await sql<{ state: string; data: unknown; output: unknown }>`
    select state, data, output from pgboss.job where name = ${queue} order by created_on`.execute(store.db);
  return rows.rows;
}

describePg(`growth worker on PostgreSQL${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`, () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  });

  async function setUp(options: { workers?: number; concurrency?: number } = {}) {
    const fixture = await fixtureStore("postgres");
    stops.push(fixture.cleanup);
    const store = fixture.store as PostgresStore;
    const steps: { runId: string; node: string; worker: number }[] = [];
    // Each worker has its own orchestrator, thread queue and owner, as separate processes would.
    for (let i = 0; i < (options.workers ?? 1); i++) {
      const control = new RunControl();
      const owner = new RunOwner(store.db, { role: "worker", leaseMs: 3_000, heartbeatMs: 500 });
      const orchestrator = createOrchestrator(store, logger, {
        env: {},
        clock: () => FIXTURE_NOW,
        queue: intakeQueueFor(store, "workers"),
        owner,
        control,
        onStep: ({ runId, node }) => steps.push({ runId, node, worker: i }),
      });
      const worker: RunningWorker = await startWorker({
        store,
        orchestrator,
        owner,
        control,
        logger,
        settings,
        concurrency: options.concurrency ?? 2,
      });
      stops.push(() => worker.stop());
    }
    // Intake in "another process": its own orchestrator, which only accepts and enqueues.
    const intake = createOrchestrator(store, logger, {
      env: {},
      clock: () => FIXTURE_NOW,
      queue: intakeQueueFor(store, "workers"),
    });
    return { store, intake, steps };
  }

  const status = (store: Store, id: string) =>
    store.db.selectFrom("runs").select(["status", "owner_id"]).where("id", "=", id).executeTakeFirst();

  it("executes an accepted run and completes its job; the run keeps no owner", async () => {
    const { store, intake } = await setUp();
    const accepted = await intake.submitEvent(leadQualified("dana@acme.com", "w-1"));
    expect(accepted.status).toBe("queued");
    const done = await until("the run to finish", async () => {
      const s = await status(store, accepted.runId);
      return s && s.status !== "queued" && s.status !== "running" && s.owner_id === null ? s : null;
    });
    expect(done.status).toBe("completed");
    await until(
      "the job to complete",
      async () => (await jobStates(store, RUN_QUEUE))[0]?.state === "completed",
    );
  });

  it("runs of one thread never overlap and keep their accept order, across two workers", async () => {
    const { store, intake, steps } = await setUp({ workers: 2, concurrency: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await intake.submitEvent(leadQualified("dana@acme.com", `order-${i}`))).runId);
    await until("the runs to finish", async () => {
      const rows = await store.db.selectFrom("runs").select("status").where("id", "in", ids).execute();
      return rows.every((r) => r.status === "completed") && rows.length === ids.length;
    });
    const order = steps.filter((s) => ids.includes(s.runId)).map((s) => s.runId);
    // Each run's steps form one block, and the blocks come in accept order.
    const blocks = order.filter((id, i) => i === 0 || order[i - 1] !== id);
    expect(blocks).toEqual(ids);
  });

  it("dead-letters a job whose payload fails validation, with its reason, instead of retrying it", async () => {
    const { store } = await setUp();
    const boss = createBoss(store.pool, settings);
    const id = await boss.send(RUN_QUEUE, { v: 2, runId: 42 });
    expect(id).toBeTruthy();
    const dead = await until("the dead letter", async () => (await jobStates(store, DEAD_RUN_QUEUE))[0]);
    expect(dead.data).toMatchObject({
      jobId: id,
      data: { v: 2, runId: 42 },
      reason: expect.stringMatching(/^invalid job payload: v: .*; runId: .*threadId/),
    });
    // The dead letter is sent before the job completes: wait for the completion, then see it was not retried.
    await until(
      "the job to complete",
      async () => (await jobStates(store, RUN_QUEUE))[0]?.state === "completed",
    );
    const rows = await sql<{ retry_count: number }>`
      select retry_count from pgboss.job where name = ${RUN_QUEUE}`.execute(store.db);
    expect(rows.rows).toEqual([{ retry_count: 0 }]);
  });
});
