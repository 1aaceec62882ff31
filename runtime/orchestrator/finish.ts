import type { PendingApproval } from "../../graph/approval-gate.ts";
import { leaseHolder } from "../../graph/effects.ts";
import type { GraphStateValue } from "../../graph/state.ts";
import { checkpointTablesExist, pruneSupersededCheckpoints } from "../../store/repos/checkpoints.ts";
import { appendEvents } from "../../store/repos/events.ts";
import { releaseLeases } from "../../store/repos/leases.ts";
import { type RunRow, setRunStatus } from "../../store/repos/runs.ts";
import { emptyOutcome, outcomeFromState, type RunOutcome } from "../outcome.ts";
import type { OrchestratorContext } from "./context.ts";

/** Leaves a run to the next start: queued (so `growth resume` finds it), its leases released. */
export async function parkRun(ctx: OrchestratorContext, run: RunRow, why: string): Promise<RunOutcome> {
  await setRunStatus(ctx.store.db, run.id, "queued", ctx.clock());
  await releaseLeases(ctx.store.db, leaseHolder(run.id));
  return emptyOutcome(
    { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
    "queued",
    null,
    `Stopped at a checkpoint because ${why}; the next start (or \`growth resume\`) finishes it.`,
  );
}

/** Records where a run ended; a completed run first submits its follow-ups, so a crash repeats none. */
export async function completeRun(
  ctx: OrchestratorContext,
  run: RunRow,
  state: GraphStateValue,
  pending: PendingApproval[],
  depth: number,
): Promise<RunOutcome> {
  if (pending.length === 0 && depth < ctx.maxCascade) {
    // Follow-up keys are content hashes: submitting again after a crash is a recorded duplicate.
    await cascade(ctx, outcomeFromState(state, "completed", []), state, depth);
  }
  return finishRun(ctx, run, state, pending);
}

/** Records a run's final status, its summary and (unless it waits for approval) its finished event. */
export async function finishRun(
  ctx: OrchestratorContext,
  run: RunRow,
  state: GraphStateValue,
  pending: PendingApproval[],
): Promise<RunOutcome> {
  // A run a step of which was dead-lettered is finished but failed: `growth runs --status failed` and
  // `growth dlq` find it, and redrive can run it again.
  const deadLettered = (state.errors ?? []).some((e) => e.deadLetterId !== null);
  const status = pending.length > 0 ? "waiting_approval" : deadLettered ? "failed" : "completed";
  const outcome = outcomeFromState(state, status, pending);
  const executed = outcome.effects.filter((e) => e.status === "executed").length;
  // Retention: a finished run's thread keeps only its latest checkpoint (all that resume and trace read).
  const prune = status !== "waiting_approval" && (await checkpointTablesExist(ctx.store.db));
  // The finished event, the status and the prune commit together: one transaction, not one per statement.
  await ctx.store.db.transaction().execute(async (trx) => {
    if (status !== "waiting_approval") {
      await appendEvents(trx, [
        {
          id: `${run.id}:finished`,
          type: status === "failed" ? "run_failed" : "run_completed",
          entityType: "run",
          entityId: run.id,
          correlationId: run.correlation_id,
          causationId: `${run.id}:accepted`,
          source: "orchestrator",
          payload: {
            effects: executed,
            errors: outcome.errors.map((e) => e.code),
          },
          occurredAt: new Date(state.run?.now ?? run.started_at),
        },
      ]);
    }
    await setRunStatus(trx, run.id, status, ctx.clock(), {
      route: outcome.route,
      decisions: outcome.decisions.length,
      effects: executed,
      pending: pending.length,
      errors: outcome.errors.length,
    });
    if (prune) await pruneSupersededCheckpoints(trx, run.thread_id);
  });
  return outcome;
}

/** Submits the follow-up events a run emitted, as new runs caused by it; a refused one is logged. */
async function cascade(
  ctx: OrchestratorContext,
  outcome: RunOutcome,
  state: GraphStateValue,
  depth: number,
): Promise<void> {
  for (const event of outcome.followUps) {
    try {
      await ctx.submitEvent(event, {
        causationId: state.run.requestEventId,
        correlationId: state.run.correlationId,
        dryRun: state.run.dryRun,
        at: new Date(state.run.now),
        depth: depth + 1,
      });
    } catch (error) {
      ctx.logger.warn({ runId: outcome.runId, err: error }, "a follow-up event was refused");
    }
  }
}
