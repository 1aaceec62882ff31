import { AGENT_IDS } from "../../domain/agents.ts";
import type { Store } from "../../store/db.ts";
import { eventsByCorrelation } from "../../store/repos/events.ts";

/** What one streamed step of a run did, in a person's terms: who routed where, which path served an agent. */
export interface StepDetail {
  node: string;
  kind: "routing" | "agent" | "guard" | "approval" | "effects" | "answer" | "other";
  /** One sentence about the step. */
  text: string;
  /** Agents: how the agent was served (llm, playbook, fallback) and by which model; null elsewhere. */
  served_by: { path: string; model: string | null; reason: string | null } | null;
  /** The guard: its decisions counted by decision and rule. */
  decisions: { decision: string; rule: string | null; count: number }[];
}

interface UpdateShape {
  decisions?: { decision: string; rule: string | null }[];
  effects?: unknown[];
  summaries?: { summary: string }[];
  answer?: string | null;
}

/**
 * Describes one node's update of a streaming run. Routing and serving paths are read from the run's event log
 * (the `chat_routed` and `agent_completed` events the graph writes), everything else from the update itself.
 */
export async function stepDetail(
  store: Store,
  run: { runId: string; correlationId: string },
  node: string,
  update: unknown,
): Promise<StepDetail> {
  const u = (update && typeof update === "object" ? update : {}) as UpdateShape;
  const none = { served_by: null, decisions: [] };
  if ((AGENT_IDS as readonly string[]).includes(node)) {
    const events = await eventsByCorrelation(store.db, run.correlationId);
    const done = events.find((e) => e.id === `${run.runId}:agent:${node}`);
    const served = (done?.payload as { servedBy?: { path: string; model?: string; reason?: string } })
      ?.servedBy;
    return {
      node,
      kind: "agent",
      text: u.summaries?.[0]?.summary ?? `${node} finished.`,
      served_by: served
        ? { path: served.path, model: served.model ?? null, reason: served.reason ?? null }
        : null,
      decisions: [],
    };
  }
  switch (node) {
    case "supervisor": {
      // Its first pass routes the request; later passes only follow hand-offs or move on to the guard.
      if ((u as { hops?: number }).hops !== 1)
        return {
          node,
          kind: "routing",
          text: "The supervisor followed the hand-offs and moved on.",
          ...none,
        };
      const events = await eventsByCorrelation(store.db, run.correlationId);
      const routed = events.find((e) => e.id === `${run.runId}:routed`)?.payload as
        | { via: string; reason: string; agents: string[] }
        | undefined;
      const text = routed
        ? `Routed to ${routed.agents.join(", ") || "no agent"} by ${routed.via}: ${routed.reason}`
        : "The supervisor chose the next step.";
      return { node, kind: "routing", text, ...none };
    }
    case "conflict_guard": {
      const counts = new Map<string, { decision: string; rule: string | null; count: number }>();
      for (const d of u.decisions ?? []) {
        const key = `${d.decision}|${d.rule ?? ""}`;
        const seen = counts.get(key) ?? { decision: d.decision, rule: d.rule, count: 0 };
        seen.count++;
        counts.set(key, seen);
      }
      const decisions = [...counts.values()];
      return {
        node,
        kind: "guard",
        text: `The guard checked ${u.decisions?.length ?? 0} action target(s).`,
        served_by: null,
        decisions,
      };
    }
    case "approval_gate": {
      const text = u.decisions
        ? "The approval gate applied the verdicts."
        : "Nothing here waits for a person.";
      return { node, kind: "approval", text, ...none };
    }
    case "execute_effects":
      return { node, kind: "effects", text: `${u.effects?.length ?? 0} effect(s) executed.`, ...none };
    case "respond":
      return { node, kind: "answer", text: "The answer was written.", ...none };
    default:
      return { node, kind: "other", text: `${node} ran.`, ...none };
  }
}
