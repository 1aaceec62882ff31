import type { AgentId } from "../domain/agents.ts";
import type { GrowthEvent } from "../domain/events.ts";
import type { PendingApproval } from "../graph/approval-gate.ts";
import { composeAnswer } from "../graph/respond.ts";
import type { EffectRecord, GraphStateValue, GuardDecision, RunError } from "../graph/state.ts";
import type { Store } from "../store/db.ts";
import { runPaths } from "../store/queries/run-paths.ts";

/** What a caller learns about one run: where it went, what the guards decided, what happened. */
export interface RunOutcome {
  runId: string;
  threadId: string;
  correlationId: string;
  status: "completed" | "waiting_approval" | "queued" | "duplicate" | "failed";
  /** Set when the request was a duplicate delivery: the run that already handled it. */
  duplicateOf: string | null;
  route: AgentId[];
  decisions: GuardDecision[];
  effects: EffectRecord[];
  pendingApprovals: PendingApproval[];
  followUps: GrowthEvent[];
  errors: RunError[];
  answer: string | null;
}

/**
 * Reads an outcome off the graph's state after a run (or a pause). A run paused at the approval gate has not
 * reached `respond` yet, so its answer is composed here from what the agents found: answers come first, then
 * the decisions.
 */
export function outcomeFromState(
  state: GraphStateValue,
  status: RunOutcome["status"],
  pendingApprovals: PendingApproval[],
): RunOutcome {
  return {
    runId: state.run.runId,
    threadId: state.run.threadId,
    correlationId: state.run.correlationId,
    status,
    duplicateOf: null,
    route: state.route,
    decisions: state.decisions,
    effects: state.effects,
    pendingApprovals,
    followUps: state.followUps,
    errors: state.errors,
    answer: status === "waiting_approval" ? composeAnswer(state) : state.answer,
  };
}

/** An outcome for a request that did not run (a duplicate, or queued behind its thread). */
export function emptyOutcome(
  ids: { runId: string; threadId: string; correlationId: string },
  status: RunOutcome["status"],
  duplicateOf: string | null,
  answer: string,
): RunOutcome {
  return {
    ...ids,
    status,
    duplicateOf,
    route: [],
    decisions: [],
    effects: [],
    pendingApprovals: [],
    followUps: [],
    errors: [],
    answer,
  };
}

/**
 * The JSON of what served a run: per agent `served_by` (primary, secondary or playbook; model; reason) and
 * the chat router's path and reason (null for events and plays), read back from the run's events.
 */
export async function pathsJson(store: Store, outcome: RunOutcome) {
  const { servedBy, router } = await runPaths(store.db, outcome.runId);
  return {
    served_by: Object.fromEntries(
      servedBy.map((s) => [s.agent, { path: s.path, model: s.model, reason: s.reason }]),
    ),
    router: router
      ? { path: router.fallback ? "fallback" : "primary", via: router.via, reason: router.reason }
      : null,
  };
}
