import { UserError } from "../../domain/errors.ts";
import type { OrchestratorGraph } from "../../graph/build.ts";
import type { Store } from "../../store/db.ts";
import { eventsByCorrelation } from "../../store/repos/events.ts";
import { llmCallsOfRun, usageSummary } from "../../store/repos/llm-calls.ts";
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
      // Every model call attempt (and playbook fallback) in order, with its tokens, latency and cost.
      llm_calls: (await llmCallsOfRun(store.db, run.id)).map((call) => ({
        seq: call.seq,
        agent: call.agent,
        provider: call.provider,
        model: call.model,
        prompt_version: call.prompt_version,
        step: call.step,
        attempt: call.attempt,
        input_tokens: call.input_tokens,
        output_tokens: call.output_tokens,
        cached_tokens: call.cached_tokens,
        latency_ms: call.latency_ms,
        cost_usd: call.cost_usd,
        outcome: call.outcome,
        error_code: call.error_code,
        at: call.created_at,
      })),
    });
  }
  return { correlation_id: correlationId, runs: checkpoints, events };
}
