import { UserError } from "../../domain/errors.ts";
import { runsDueInQueue } from "../../store/queue/due.ts";
import { closeDeadLetter, getDeadLetter } from "../../store/repos/dead-letters.ts";
import { decidedWaitingRuns, getRun, type RunRow, unfinishedRuns } from "../../store/repos/runs.ts";
import type { RunOutcome } from "../outcome.ts";
import { resumeDecided } from "./approvals.ts";
import type { OrchestratorContext } from "./context.ts";
import { executeRun } from "./execution.ts";
import { submitRun } from "./intake.ts";
import type { RunRequest } from "./options.ts";

/**
 * Finds runs that never finished (a crash, a kill, a drain) and resumes each from its last checkpoint,
 * including runs whose approvals were all decided but which died before they resumed. A run a live owner
 * holds (its lease not expired: another process is executing it) is skipped, and so is one whose job the queue
 * is about to deliver (PostgreSQL); the others are claimed first. A skipped run's thread keeps its order: its later
 * runs wait too.
 */
export async function resumeUnfinished(ctx: OrchestratorContext): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  // A thread one of whose runs is held (here or by a live process elsewhere) keeps its order: its later runs wait.
  const heldThreads = new Set<string>();
  const unfinished = await unfinishedRuns(ctx.store.db);
  // At scale a run whose job the queue is about to deliver is the workers'; this process resumes the others:
  // its own, the runs of dead owners, the ones whose only job is a safety net held back for later.
  const queued = ctx.queue
    ? await runsDueInQueue(
        ctx.store.db,
        unfinished.map((r) => r.id),
      )
    : new Set<string>();
  for (const listed of unfinished) {
    if (ctx.control?.draining) break;
    if (queued.has(listed.id)) heldThreads.add(listed.thread_id);
    if (heldThreads.has(listed.thread_id)) continue;
    const run = ctx.owner.holds(listed.id) ? "held" : await claimFresh(ctx, listed.id, ["queued", "running"]);
    if (run === "held") heldThreads.add(listed.thread_id);
    if (run === "held" || run === "gone") continue;
    try {
      let outcome = await ctx.threads.run(run.thread_id, () => executeRun(ctx, run, null, 0));
      if (outcome.status === "waiting_approval") outcome = (await resumeDecided(ctx, run.id)) ?? outcome;
      outcomes.push(outcome);
    } finally {
      await ctx.owner.release(run.id);
    }
  }
  for (const listed of await decidedWaitingRuns(ctx.store.db)) {
    if (ctx.control?.draining) break;
    if (ctx.owner.holds(listed.id)) continue;
    const run = await claimFresh(ctx, listed.id, ["waiting_approval"]);
    if (run === "held" || run === "gone") continue;
    try {
      const outcome = await resumeDecided(ctx, run.id);
      if (outcome) outcomes.push(outcome);
    } finally {
      await ctx.owner.release(run.id);
    }
  }
  return outcomes;
}

/**
 * Claims a run for this process and reads it again: `held` when a live owner has it, `gone` (nothing held) when
 * it moved on since the list was read (another process finished or paused it).
 */
async function claimFresh(
  ctx: OrchestratorContext,
  runId: string,
  statuses: readonly string[],
): Promise<RunRow | "held" | "gone"> {
  if (!(await ctx.owner.claim(runId))) {
    const holder = await ctx.owner.holderOf(runId);
    if (!holder) return "gone";
    ctx.logger.info({ runId, owner: holder.ownerId }, "run held by a live owner elsewhere: not resumed");
    return "held";
  }
  const run = await getRun(ctx.store.db, runId);
  if (run && statuses.includes(run.status)) return run;
  await ctx.owner.release(runId);
  return "gone";
}

/**
 * Re-submits a dead letter's request as a new run and marks the letter redriven; a letter that is not
 * open is refused. Returns the new run's outcome.
 */
export async function redrive(ctx: OrchestratorContext, deadLetterId: string): Promise<RunOutcome> {
  const letter = await getDeadLetter(ctx.store.db, deadLetterId);
  if (!letter) {
    throw new UserError(
      "dead_letter_unknown",
      `There is no dead letter ${deadLetterId}; see \`growth dlq list\`.`,
      { details: { missing: deadLetterId } },
    );
  }
  if (letter.status !== "open") {
    throw new UserError("dead_letter_closed", `Dead letter ${deadLetterId} was already ${letter.status}.`);
  }
  const run = await getRun(ctx.store.db, letter.run_id);
  const request = JSON.parse(letter.event) as RunRequest;
  const now = ctx.clock();
  if (!(await closeDeadLetter(ctx.store.db, deadLetterId, "redriven", now))) {
    throw new UserError("dead_letter_closed", `Dead letter ${deadLetterId} was handled by someone else.`);
  }
  const entity =
    request.kind === "event"
      ? { type: request.event.entity_type, id: request.event.entity_id }
      : request.kind === "play"
        ? { type: "play", id: request.play }
        : { type: "conversation", id: letter.thread_id };
  return submitRun(
    ctx,
    request.kind === "event" ? { ...request, eventId: "" } : request,
    {
      threadId: letter.thread_id,
      requestKey: `redrive:${deadLetterId}`,
      correlationId: letter.correlation_id,
      entity,
    },
    { causationId: `dead-letter:${deadLetterId}`, dryRun: run?.dry_run === 1 },
  );
}
