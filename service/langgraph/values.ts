import type { PendingApproval } from "../../graph/approval-gate.ts";
import type { GraphStateValue } from "../../graph/state.ts";

/** A chat message as LangGraph SDK clients read them from `values.messages`. */
interface Message {
  type: "human" | "ai";
  content: string;
  id: string;
}

/**
 * The thread values an SDK client sees: the turn as messages, plus the route, guard decisions, effects,
 * answer and pending approvals of the latest run. Internal fields (artefacts, proposals) stay inside.
 */
export function projectValues(state: Partial<GraphStateValue>, pending: readonly PendingApproval[] = []) {
  const messages: Message[] = [];
  const runId = state.run?.runId ?? null;
  if (state.request?.kind === "chat")
    messages.push({ type: "human", content: state.request.text, id: `${runId}:human` });
  if (state.answer) messages.push({ type: "ai", content: state.answer, id: `${runId}:ai` });
  return {
    messages,
    run_id: runId,
    request: state.request ?? null,
    route: state.route ?? [],
    decisions: state.decisions ?? [],
    effects: state.effects ?? [],
    answer: state.answer ?? null,
    pending_approvals: pending,
  };
}

/** The interrupt a run stopped on, as the LangGraph API reports `__interrupt__`. */
export function interruptOf(runId: string, pending: readonly PendingApproval[]) {
  return [{ id: `${runId}:approval`, value: { type: "approval", approvals: pending } }];
}
