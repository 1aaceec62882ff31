import type { AgentId } from "../domain/agents.ts";
import type { GraphStateValue } from "../graph/state.ts";

/** What a run reports while it runs: a node's update, the whole state after a superstep, or model text. */
export type RunSignal =
  | { type: "update"; node: string; update: unknown }
  | { type: "values"; values: GraphStateValue }
  | { type: "text"; agent: AgentId; text: string };

/** Fans the orchestrator's per-run hooks out to whoever streams that run; a run nobody watches costs nothing. */
export class RunBus {
  private readonly listeners = new Map<string, Set<(signal: RunSignal) => void>>();

  /** Calls `listener` with every signal of `runId` until the returned function is called. */
  subscribe(runId: string, listener: (signal: RunSignal) => void): () => void {
    const set = this.listeners.get(runId) ?? new Set();
    set.add(listener);
    this.listeners.set(runId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(runId);
    };
  }

  /** Publishes one signal of a run. */
  publish(runId: string, signal: RunSignal): void {
    for (const listener of this.listeners.get(runId) ?? []) listener(signal);
  }
}
