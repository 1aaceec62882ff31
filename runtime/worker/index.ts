import type { Logger } from "pino";
import type { PostgresStore } from "../../store/db.ts";
import { createBoss, type QueueSettings } from "../../store/queue/boss.ts";
import { RUN_QUEUE } from "../../store/queue/job.ts";
import type { Orchestrator } from "../orchestrator.ts";
import type { RunOwner } from "../ownership/index.ts";
import type { RunControl } from "../run-control.ts";
import { type JobResult, workJob } from "./work-job.ts";

/** What a worker process runs on. */
export interface WorkerOptions {
  readonly store: PostgresStore;
  readonly orchestrator: Orchestrator;
  /** The orchestrator's own owner: claims taken here and in the orchestrator are the same process's. */
  readonly owner: RunOwner;
  readonly control: RunControl;
  readonly logger: Logger;
  readonly settings: QueueSettings;
  /** How many jobs this process works at once (one pg-boss poller each). */
  readonly concurrency: number;
  /** How often an idle poller asks for a job (pg-boss allows 0.5 s at least). */
  readonly pollingSeconds?: number;
}

/** A started worker: `stop()` drains it (runs stop at a checkpoint, their jobs come back) and deregisters it. */
export interface RunningWorker {
  readonly id: string;
  stop(): Promise<void>;
}

/**
 * Starts a worker: registers the process (its heartbeat is what `growth workers` shows), then polls the run
 * queue with `concurrency` pollers. pg-boss's maintenance (one process at a time) fails jobs a dead worker left
 * active past their expiry, so they are retried by a live worker, which resumes each run once its lease ends.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { store, owner, control, logger, settings } = options;
  const boss = createBoss(store.pool, settings, { supervise: true });
  await boss.start();
  await owner.start();
  const deps = {
    store,
    boss,
    orchestrator: options.orchestrator,
    owner,
    control,
    logger,
    // Wait for a live owner at most half the job's expiry, so the job is not expired under a waiting worker.
    waitMs: (settings.expireSeconds * 1000) / 2,
    pollMs: Math.min(owner.heartbeatMs, 500),
  };
  for (let i = 0; i < options.concurrency; i++) {
    await boss.work<unknown>(
      RUN_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: options.pollingSeconds ?? 0.5 },
      async (jobs): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const job of jobs) results.push(await workJob(deps, job));
        return results;
      },
    );
  }
  logger.info({ worker: owner.id, concurrency: options.concurrency }, "worker started");
  let stopping: Promise<void> | null = null;
  return {
    id: owner.id,
    stop() {
      stopping ??= (async () => {
        control.requestDrain("stop");
        // Graceful: pg-boss waits for the handlers, which stop at a checkpoint and defer their jobs.
        await boss.stop({ graceful: true, close: false, wait: true, timeout: 30_000 });
        await owner.stop();
        logger.info({ worker: owner.id }, "worker stopped");
      })();
      return stopping;
    },
  };
}
