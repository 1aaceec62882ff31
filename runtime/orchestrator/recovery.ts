import { UserError } from "../../domain/errors.ts";
import { closeDeadLetter, getDeadLetter } from "../../store/repos/dead-letters.ts";
import { decidedWaitingRuns, getRun, unfinishedRuns } from "../../store/repos/runs.ts";
import type { RunOutcome } from "../outcome.ts";
import { resumeDecided } from "./approvals.ts";
import type { OrchestratorContext } from "./context.ts";
import { executeRun } from "./execution.ts";
import { submitRun } from "./intake.ts";
import type { RunRequest } from "./options.ts";

/**
 * Finds runs that never finished (a crash, a kill, a drain) and resumes each from its last checkpoint,
 * including runs whose approvals were all decided but which died before they resumed.
 */
export async function resumeUnfinished(ctx: OrchestratorContext): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const run of await unfinishedRuns(ctx.store.db)) {
    if (ctx.control?.draining) break;
    let outcome = await ctx.threads.run(run.thread_id, () => executeRun(ctx, run, null, 0));
    if (outcome.status === "waiting_approval") outcome = (await resumeDecided(ctx, run.id)) ?? outcome;
    outcomes.push(outcome);
  }
  for (const run of await decidedWaitingRuns(ctx.store.db)) {
    if (ctx.control?.draining) break;
    const outcome = await resumeDecided(ctx, run.id);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
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
