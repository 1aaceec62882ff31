import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { SystemError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import { unfinishedRunsOfThread } from "../../store/queries/thread-runs.ts";
import { DEAD_RUN_QUEUE, type DeadRunJob, parseRunJob, type RunJob } from "../../store/queue/job.ts";
import { getRun } from "../../store/repos/runs.ts";
import type { Orchestrator } from "../orchestrator.ts";
import type { RunOwner } from "../ownership/index.ts";
import type { RunControl } from "../run-control.ts";

/** What working one job needs. */
export interface JobDeps {
  readonly store: Store;
  readonly boss: PgBoss;
  readonly orchestrator: Orchestrator;
  readonly owner: RunOwner;
  readonly control: RunControl;
  readonly logger: Logger;
  /** How long a job waits for a live owner elsewhere before it is failed and retried later by pg-boss. */
  readonly waitMs: number;
  /** How often a waiting job looks again. */
  readonly pollMs: number;
}

/** What a job's handler returns (pg-boss keeps it as the job's output). */
export type JobResult =
  | { readonly result: "dead_lettered"; readonly reason: string }
  | { readonly result: "settled"; readonly runId: string; readonly status: string };

const UNFINISHED = new Set(["queued", "running"]);

/** A job that must come back later: pg-boss fails it, and retries it after its retry delay. */
export class JobDeferred extends SystemError {
  constructor(message: string) {
    super("job_deferred", message);
  }
}

/**
 * Works one job: validates its payload (an invalid one is dead-lettered with its reason, never retried), then
 * executes the thread's unfinished runs in accept order up to and including the job's run, each claimed for
 * this worker first. A run a live owner elsewhere holds is waited for; a worker that died leaves its lease to
 * expire, and then this worker resumes the run from its last checkpoint. So one thread's runs never execute on
 * two workers at once and keep their order, whichever worker fetched which job.
 */
export async function workJob(deps: JobDeps, job: PgBoss.Job<unknown>): Promise<JobResult> {
  const parsed = parseRunJob(job.data);
  if (!parsed.ok) return deadLetter(deps, job, parsed.reason);
  const { runId, threadId, depth } = parsed.job;
  const target = await getRun(deps.store.db, runId);
  if (!target) return deadLetter(deps, job, `run ${runId} does not exist`);
  if (target.thread_id !== threadId)
    return deadLetter(deps, job, `run ${runId} is on thread ${target.thread_id}, not ${threadId}`);
  const waitUntil = Date.now() + deps.waitMs;
  const draining = () => new JobDeferred(`a shutdown is draining; run ${runId} is left to the next worker`);
  for (;;) {
    if (deps.control.draining) throw draining();
    const blockedBy = await runThreadUpTo(deps, parsed.job);
    const after = await getRun(deps.store.db, runId);
    if (!after || !UNFINISHED.has(after.status)) return settled(runId, after?.status ?? "missing");
    if (blockedBy === null) {
      if (deps.control.draining) throw draining();
      // Its turn came and it is still queued: it waits behind an approval on its thread, which resumes it.
      return settled(runId, after.status);
    }
    if (Date.now() >= waitUntil)
      throw new JobDeferred(`run ${blockedBy} of ${threadId} is still held by a live owner; retried later`);
    await sleep(deps.pollMs);
  }

  function settled(id: string, status: string): JobResult {
    deps.logger.debug({ runId: id, status, depth }, "job settled");
    return { result: "settled", runId: id, status };
  }
}

/**
 * Executes the thread's unfinished runs, oldest first, up to and including the job's run. Returns null when it
 * got through, or the id of the run a live owner elsewhere holds (nothing after it is started).
 */
async function runThreadUpTo(deps: JobDeps, job: RunJob): Promise<string | null> {
  const runs = await unfinishedRunsOfThread(deps.store.db, job.threadId);
  const upTo = runs.findIndex((r) => r.id === job.runId);
  for (const run of upTo < 0 ? [] : runs.slice(0, upTo + 1)) {
    if (deps.control.draining) return null;
    if (!(await deps.owner.claim(run.id))) {
      const now = await getRun(deps.store.db, run.id);
      if (now && UNFINISHED.has(now.status)) return run.id;
      continue; // finished by its owner between the list and the claim
    }
    try {
      const outcome = await deps.orchestrator.executeQueued(run.id, run.id === job.runId ? job.depth : 0);
      deps.logger.debug({ runId: run.id, status: outcome?.status ?? "skipped" }, "run executed");
    } finally {
      await deps.owner.release(run.id);
    }
  }
  return null;
}

/** Moves a job that cannot be worked to the dead-letter queue with its reason (once: the dead job keeps the id). */
async function deadLetter(deps: JobDeps, job: PgBoss.Job<unknown>, reason: string): Promise<JobResult> {
  const dead: DeadRunJob = { jobId: job.id, data: job.data, reason };
  await deps.boss.send(DEAD_RUN_QUEUE, dead as unknown as object, { id: job.id, retryLimit: 0 });
  deps.logger.warn({ jobId: job.id, reason }, "job dead-lettered");
  return { result: "dead_lettered", reason };
}
