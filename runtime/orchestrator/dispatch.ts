import { getRun } from "../../store/repos/runs.ts";
import type { RunOutcome } from "../outcome.ts";
import type { OrchestratorContext } from "./context.ts";
import { executeRun } from "./execution.ts";

/**
 * Executes an accepted run that a queue handed to this process, from its last checkpoint, on its thread.
 * Null when the run is no longer queued or running (another process finished it, or it waits on a person).
 */
export async function executeQueued(
  ctx: OrchestratorContext,
  runId: string,
  depth: number,
): Promise<RunOutcome | null> {
  const listed = await getRun(ctx.store.db, runId);
  if (!listed) return null;
  // Read again once this process's turn on the thread comes: an earlier run may have changed it.
  return ctx.threads.run(listed.thread_id, async () => {
    const run = await getRun(ctx.store.db, runId);
    if (!run || (run.status !== "queued" && run.status !== "running")) return null;
    return executeRun(ctx, run, null, depth);
  });
}
