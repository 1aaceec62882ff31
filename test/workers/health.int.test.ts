import { afterEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { intakeQueueFor } from "../../runtime/orchestrator/queue.ts";
import type { PostgresStore } from "../../store/db.ts";
import { queueHealth } from "../../store/queries/queue-health.ts";
import { registerWorker } from "../../store/repos/workers.ts";
import { growth } from "../helpers/cli.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;

describePg(
  `growth health and growth workers at scale${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`,
  () => {
    let cleanup: (() => Promise<void>) | null = null;
    afterEach(async () => {
      await cleanup?.();
      cleanup = null;
    });

    it("show queue depth, live and dead workers and the oldest queued run", async () => {
      const fixture = await fixtureStore("postgres");
      cleanup = fixture.cleanup;
      const store = fixture.store as PostgresStore;
      const intake = createOrchestrator(store, createLogger({ level: "silent" }), {
        env: {},
        clock: () => FIXTURE_NOW,
        queue: intakeQueueFor(store, "workers"),
      });
      const first = await intake.submitEvent(leadQualified("dana@acme.com", "h-1"));
      await intake.submitEvent(leadQualified("ivan.ops@initech.com", "h-2"));
      const now = new Date();
      await registerWorker(store.db, {
        id: "w-live",
        role: "worker",
        host: "h",
        pid: 1,
        leaseMs: 60_000,
        now,
      });
      await registerWorker(store.db, {
        id: "w-dead",
        role: "worker",
        host: "h",
        pid: 2,
        leaseMs: 1_000,
        now: new Date(now.getTime() - 60_000),
      });
      expect(await queueHealth(store, now)).toEqual({
        queued: 2,
        retrying: 0,
        held: 0,
        active: 0,
        dead_lettered: 0,
        workers: { live: 1, dead: 1 },
        oldest_queued_run: {
          run_id: first.runId,
          thread_id: first.threadId,
          since: FIXTURE_NOW.toISOString(),
        },
      });
      const health = growth(["--db", fixture.file, "health"]);
      expect(health.code, health.stderr).toBe(0);
      expect(health.stdout).toContain("queue: 2 waiting · 0 to retry · 0 being worked");
      expect(health.stdout).toContain(`oldest queued run ${first.runId} (${first.threadId})`);
      expect(health.stdout).toContain("workers: 1 live · 1 dead");
      const workers = growth(["--db", fixture.file, "workers"]);
      expect(workers.code, workers.stderr).toBe(0);
      expect(workers.stdout).toMatch(/w-live\s+worker\s+live/);
      expect(workers.stdout).toMatch(/w-dead\s+worker\s+dead/);
    });
  },
);
