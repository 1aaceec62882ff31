import {
  type Command,
  RunControl as GraphRunControl,
  isGraphDrained,
  Overwrite,
  type StateSnapshot,
} from "@langchain/langgraph";
import type { ApprovalInterrupt, PendingApproval } from "../../graph/approval-gate.ts";
import type { OrchestratorGraph } from "../../graph/build.ts";
import type { GraphStateValue } from "../../graph/state.ts";
import { type RunRow, setRunStatus } from "../../store/repos/runs.ts";
import { contextFromTraceparent, inSpan } from "../../telemetry/tracing.ts";
import { emptyOutcome, type RunOutcome } from "../outcome.ts";
import type { OrchestratorContext } from "./context.ts";
import { completeRun, finishRun, parkRun } from "./finish.ts";
import type { RunRequest } from "./options.ts";

/** The approvals a thread is stopped on, if any. */
export async function pendingOf(graph: OrchestratorGraph, threadId: string): Promise<PendingApproval[]> {
  return pendingIn(await graph.getState({ configurable: { thread_id: threadId } }));
}

/** The approvals a state snapshot is stopped on. */
function pendingIn(snapshot: StateSnapshot): PendingApproval[] {
  return snapshot.tasks.flatMap((task) =>
    task.interrupts.flatMap(
      (i) => ((i.value as ApprovalInterrupt | undefined)?.approvals ?? []) as PendingApproval[],
    ),
  );
}

/**
 * Runs (or resumes) one run on its thread; the caller holds the thread. The run is claimed for this process
 * first (a run a live owner elsewhere is executing is left to it) and released when it stops, however it stops.
 * The run is one `run <kind>` span in the trace its intake stored (`runs.traceparent`); without one it joins
 * whatever span is active.
 */
export function executeRun(
  ctx: OrchestratorContext,
  run: RunRow,
  resume: Command | null,
  depth: number,
): Promise<RunOutcome> {
  return inSpan(
    `run ${run.kind}`,
    {
      "growth.run.id": run.id,
      "growth.run.kind": run.kind,
      "growth.thread.id": run.thread_id,
      "growth.resume": resume !== null,
    },
    async (span) => {
      const outcome = await executeRunNow(ctx, run, resume, depth);
      span.setAttribute("growth.run.status", outcome.status);
      return outcome;
    },
    run.traceparent ? { parent: contextFromTraceparent(run.traceparent) } : {},
  );
}

async function executeRunNow(
  ctx: OrchestratorContext,
  run: RunRow,
  resume: Command | null,
  depth: number,
): Promise<RunOutcome> {
  if (!(await ctx.owner.claim(run.id))) {
    const holder = await ctx.owner.holderOf(run.id);
    return emptyOutcome(
      { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
      "queued",
      null,
      holder
        ? `Left alone: run ${run.id} is being executed by ${holder.ownerId} (lease until ${holder.leaseExpiresAt.toISOString()}).`
        : `Left alone: run ${run.id} is finished or held by another process.`,
    );
  }
  try {
    return await executeOwned(ctx, run, resume, depth);
  } finally {
    await ctx.owner.release(run.id).catch((error) => {
      ctx.logger.warn({ err: error, runId: run.id }, "could not release a run");
    });
  }
}

async function executeOwned(
  ctx: OrchestratorContext,
  run: RunRow,
  resume: Command | null,
  depth: number,
): Promise<RunOutcome> {
  const config = { configurable: { thread_id: run.thread_id } };
  const ids = { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id };
  const snapshot = await ctx.graph.getState(config);
  const current = snapshot.values as Partial<GraphStateValue>;
  const ownsCheckpoint = current.run?.runId === run.id;
  const interrupted = snapshot.tasks.some((t) => t.interrupts.length > 0);
  // Whether the graph has more to do. Not `snapshot.next`: LangGraph leaves out of it a task whose writes were
  // saved when the process died before that superstep's checkpoint, although the steps after it have not run.
  const unfinished = snapshot.tasks.length > 0;

  let input: unknown;
  if (resume) {
    input = resume;
  } else if (ownsCheckpoint && unfinished) {
    if (interrupted) return finishRun(ctx, run, current as GraphStateValue, pendingIn(snapshot));
    input = null; // crashed mid-run: continue from the last checkpoint and the writes saved after it
  } else if (ownsCheckpoint) {
    // Died after the last checkpoint but before it was recorded as finished.
    return completeRun(ctx, run, current as GraphStateValue, [], depth);
  } else if (interrupted) {
    await setRunStatus(ctx.store.db, run.id, "queued", ctx.clock());
    return emptyOutcome(
      ids,
      "queued",
      null,
      `Queued: ${run.thread_id} is waiting on an approval; this request runs after it is decided.`,
    );
  } else {
    input = initialInput(run);
  }

  if (ctx.control?.draining) return parkRun(ctx, run, "a shutdown is draining");
  await setRunStatus(ctx.store.db, run.id, "running", ctx.clock());
  // LangGraph's own RunControl stops the run at the next superstep boundary once our drain is asked for.
  const runControl = new GraphRunControl();
  const stopListening = ctx.control?.onDrain((reason) => runControl.requestDrain(reason));
  // The state after the last superstep, as the values stream gave it, and whether any step was interrupted.
  let last: GraphStateValue | undefined;
  let interruptedNow = false;
  try {
    // Node updates are streamed for live steps, whole states for a caller that reads them (the LangGraph
    // `values` stream mode of the service) and for the answer: the last one is the run's final state.
    const stream = await ctx.graph.stream(input as never, {
      ...config,
      durability: "sync",
      streamMode: ["updates", "values"],
      control: runControl,
    });
    for await (const [mode, chunk] of stream as AsyncIterable<[string, Record<string, unknown>]>) {
      // At an interrupt the values stream yields `{ __interrupt__ }`, not the state: skip it.
      if (mode === "values") {
        if ("__interrupt__" in chunk) continue;
        last = chunk as unknown as GraphStateValue;
        ctx.onValues?.({ runId: run.id, values: last });
      } else
        for (const [node, update] of Object.entries(chunk)) {
          if (node === "__interrupt__") interruptedNow = true;
          else ctx.onStep?.({ runId: run.id, node, update });
        }
    }
  } catch (error) {
    // Drained at a superstep boundary: the checkpoint is saved and the next start resumes from it.
    if (isGraphDrained(error)) return parkRun(ctx, run, "a shutdown is draining");
    throw error;
  } finally {
    stopListening?.();
  }
  // A run that ran to its end is read from the stream; one stopped at an approval (or that streamed no state)
  // from its checkpoint, whose tasks carry the approvals it waits on.
  if (last !== undefined && !interruptedNow) return completeRun(ctx, run, last, [], depth);
  const after = await ctx.graph.getState(config);
  return completeRun(ctx, run, after.values as GraphStateValue, pendingIn(after), depth);
}

/** The input that starts a run: every per-run field reset, since the thread keeps the last run's state. */
export function initialInput(run: RunRow): Record<string, unknown> {
  const request = JSON.parse(run.request) as RunRequest;
  return {
    run: {
      runId: run.id,
      threadId: run.thread_id,
      correlationId: run.correlation_id,
      requestEventId: `${run.id}:accepted`,
      now: run.started_at,
      dryRun: run.dry_run === 1,
    },
    request,
    route: new Overwrite([]),
    handoffs: new Overwrite([]),
    hops: 0,
    artefacts: new Overwrite({}),
    summaries: new Overwrite([]),
    proposals: new Overwrite([]),
    decisions: [],
    effects: [],
    followUps: new Overwrite([]),
    errors: new Overwrite([]),
    answer: null,
  };
}
