import { UserError } from "../../domain/errors.ts";
import type { OrchestratorGraph } from "../../graph/build.ts";
import type { Store } from "../../store/db.ts";
import { eventsByCorrelation } from "../../store/repos/events.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { getRun, runsByCorrelation } from "../../store/repos/runs.ts";

/** One request's whole story: its runs with their checkpoints and usage, and its event log entries. */
export async function traceOf(store: Store, graph: OrchestratorGraph, id: string) {
  const byRun = await getRun(store.db, id);
  const correlationId = byRun?.correlation_id ?? id;
  const events = await eventsByCorrelation(store.db, correlationId);
  const runs = await runsByCorrelation(store.db, correlationId);
  if (events.length === 0 && runs.length === 0) {
    throw new UserError("trace_unknown", `Nothing is recorded for ${id}; find ids with \`growth runs\`.`, {
      details: { missing: id },
    });
  }
  const checkpoints = [];
  for (const run of runs) {
    let steps = 0;
    for await (const snap of graph.getStateHistory({ configurable: { thread_id: run.thread_id } })) {
      if ((snap.values as { run?: { runId?: string } }).run?.runId === run.id) steps++;
    }
    const state = await graph.getState({ configurable: { thread_id: run.thread_id } });
    const current = (state.values as { run?: { runId?: string } }).run?.runId === run.id;
    checkpoints.push({
      runId: run.id,
      threadId: run.thread_id,
      status: run.status,
      checkpoints: steps,
      next: current ? state.next : [],
      usage: await usageSummary(store.db, "model", { runId: run.id }),
    });
  }
  return { correlation_id: correlationId, runs: checkpoints, events };
}
