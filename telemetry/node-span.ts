import { isGraphBubbleUp } from "@langchain/langgraph";
import type { RunTelemetry } from "./run-telemetry.ts";
import { inSpan } from "./tracing.ts";

/**
 * Wraps a graph node in a `graph.node <name>` span and observes its latency (and, for the guard and effects, what
 * it decided and did). An interrupt or a drain is a control-flow signal: the span ends without an error.
 */
export function withNodeTelemetry<A extends unknown[], R>(
  name: string,
  node: (...args: A) => R | Promise<R>,
  telemetry: RunTelemetry | undefined,
): (...args: A) => Promise<R> {
  return function tracedNode(...args: A): Promise<R> {
    return inSpan(
      `graph.node ${name}`,
      { "growth.node": name },
      async () => {
        const started = performance.now();
        let outcome: "ok" | "error" | "interrupted" = "ok";
        try {
          const result = await node(...args);
          if (telemetry) observeUpdate(telemetry, name, result);
          return result;
        } catch (error) {
          outcome = isGraphBubbleUp(error) ? "interrupted" : "error";
          throw error;
        } finally {
          telemetry?.node(name, (performance.now() - started) / 1_000, outcome);
        }
      },
      { isSignal: isGraphBubbleUp },
    );
  };
}

function observeUpdate(telemetry: RunTelemetry, name: string, result: unknown): void {
  if (!result || typeof result !== "object") return;
  const update = result as { decisions?: unknown; effects?: unknown };
  if (name === "conflict_guard" && Array.isArray(update.decisions)) telemetry.guard(update.decisions);
  if (name === "execute_effects" && Array.isArray(update.effects)) telemetry.effects(update.effects);
}
