import type { Kysely } from "kysely";
import type { PendingApproval } from "../../graph/approval-gate.ts";
import { pendingApprovals } from "../../store/repos/approvals.ts";
import type { Database } from "../../store/schema.ts";
import type { Orchestrator } from "../orchestrator.ts";
import type { RunOutcome } from "../outcome.ts";
import { demoVerdict } from "./approval-policy.ts";

/** Resolves a run's pending approvals by the demo policy until it finishes. */
export async function settleByDemoPolicy(
  orchestrator: Orchestrator,
  outcome: RunOutcome,
): Promise<RunOutcome> {
  let current = outcome;
  for (let round = 0; current.status === "waiting_approval" && round < 5; round++) {
    const snapshot = await orchestrator.graph.getState({ configurable: { thread_id: current.threadId } });
    const proposals = (snapshot.values as { proposals?: { id: string }[] }).proposals ?? [];
    let resumed: RunOutcome | null = null;
    for (const approval of current.pendingApprovals) {
      const action = (proposals.find((p) => p.id === approval.actionId) ?? {}) as Record<string, unknown>;
      const result = await orchestrator.decide(approval.approvalId, demoVerdict(approval, action));
      if (result.outcome) resumed = result.outcome;
    }
    if (!resumed) break;
    current = resumed;
  }
  return current;
}

/**
 * Decides, by the demo policy, every approval still pending in the store: a run an earlier demo left
 * between two verdicts. Returns the outcomes of the runs that resumed.
 */
export async function settleLeftovers(
  orchestrator: Orchestrator,
  db: Kysely<Database>,
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const row of await pendingApprovals(db)) {
    const action = JSON.parse(row.action) as Record<string, unknown>;
    const approval: PendingApproval = {
      approvalId: row.id,
      actionId: row.action_id,
      agent: String(action.agent ?? ""),
      actionType: String(action.type ?? ""),
      reason: row.reason,
      preview: "",
    };
    const result = await orchestrator.decide(row.id, demoVerdict(approval, action));
    if (result.outcome) outcomes.push(await settleByDemoPolicy(orchestrator, result.outcome));
  }
  return outcomes;
}
