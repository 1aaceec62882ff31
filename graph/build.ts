import { type BaseCheckpointSaver, END, type RetryPolicy, START, StateGraph } from "@langchain/langgraph";
import { AGENT_IDS } from "../domain/agents.ts";
import { classifyError } from "../domain/errors.ts";
import { withNodeTelemetry } from "../telemetry/node-span.ts";
import { agentNode } from "./agent-node.ts";
import { approvalGateNode } from "./approval-gate.ts";
import { conflictGuardNode } from "./conflict-guard.ts";
import { type CrashPoints, crashPoints, withCrashPoint } from "./crash-point.ts";
import { deadLetterHandler } from "./dead-letter.ts";
import type { GraphDeps } from "./deps.ts";
import { effectsNode } from "./effects.ts";
import { respondNode } from "./respond.ts";
import { withSignalYield } from "./signal-yield.ts";
import { GraphState } from "./state.ts";
import { supervisorNode } from "./supervisor.ts";

/** Total attempts per node (the first try included); only transient errors are retried. */
export const NODE_ATTEMPTS = 3;

const retryPolicy: RetryPolicy = {
  maxAttempts: NODE_ATTEMPTS,
  initialInterval: 100,
  backoffFactor: 2,
  maxInterval: 2_000,
  jitter: true,
  retryOn: (error: unknown) => classifyError(error) === "transient",
  logWarning: false,
};

/** Wires the orchestrator: supervisor → agents (fan-out) → supervisor → guard → approval → effects → respond. */
export function buildGraph(
  deps: GraphDeps,
  checkpointer: BaseCheckpointSaver,
  options: { crash?: CrashPoints; yieldToSignals?: boolean } = {},
) {
  const crash = options.crash ?? crashPoints(process.env.GROWTH_CRASH_AT);
  // Every node's entry: let signal handlers run (so a drain can be asked for), then the test-only crash point,
  // inside the node's span and latency observation.
  const entry = <A extends unknown[], R>(name: string, node: (...args: A) => R) =>
    withNodeTelemetry(
      name,
      withSignalYield(options.yieldToSignals ?? false, withCrashPoint(crash, name, node)),
      deps.telemetry,
    );
  const onFailure = deadLetterHandler(deps, NODE_ATTEMPTS);
  const builder = new StateGraph(GraphState).addNode(
    "supervisor",
    entry("supervisor", supervisorNode(deps)),
    {
      ends: [...AGENT_IDS, "conflict_guard", "respond"],
    },
  );
  for (const id of AGENT_IDS) {
    builder.addNode(id, entry(id, agentNode(deps.agents[id], deps)), {
      retryPolicy,
      timeout: deps.agentTimeoutMs ?? 120_000,
      errorHandler: onFailure,
    });
  }
  const graph = builder
    .addNode("conflict_guard", entry("conflict_guard", conflictGuardNode(deps)), {
      retryPolicy,
      timeout: 60_000,
      errorHandler: onFailure,
    })
    .addNode("approval_gate", entry("approval_gate", approvalGateNode(deps)), {
      retryPolicy,
      timeout: 60_000,
      errorHandler: onFailure,
    })
    .addNode("execute_effects", entry("execute_effects", effectsNode(deps, crash)), {
      retryPolicy,
      timeout: 60_000,
      errorHandler: onFailure,
    })
    .addNode("respond", entry("respond", respondNode()))
    .addEdge(START, "supervisor")
    .addEdge("conflict_guard", "approval_gate")
    .addEdge("approval_gate", "execute_effects")
    .addEdge("execute_effects", "respond")
    .addEdge("respond", END);
  for (const id of AGENT_IDS) graph.addEdge(id as "supervisor", "supervisor");
  return graph.compile({ checkpointer, name: "growth-orchestrator" });
}

/** The compiled orchestrator graph. */
export type OrchestratorGraph = ReturnType<typeof buildGraph>;
