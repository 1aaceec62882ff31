import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { Logger } from "pino";
import type { AgentDefinition } from "../../agents/agent.ts";
import type { AgentId } from "../../domain/agents.ts";
import type { ConflictPolicy } from "../../domain/conflicts/index.ts";
import type { ApprovalPolicy } from "../../graph/approval-policy.ts";
import type { AgentRunner, ChatRouter } from "../../graph/deps.ts";
import type { GraphStateValue } from "../../graph/state.ts";
import type { Store } from "../../store/db.ts";
import type { RunTelemetry } from "../../telemetry/run-telemetry.ts";
import type { RunOwner } from "../ownership/index.ts";
import type { AgentGuard } from "../reliability/agent-guard.ts";
import type { RunControl } from "../run-control.ts";
import type { IntakeQueue } from "./queue.ts";

/** Options for the orchestrator; everything but the store, logger and agents has a sensible default. */
export interface OrchestratorOptions {
  store: Store;
  logger: Logger;
  checkpointer: BaseCheckpointSaver;
  agents: Readonly<Record<AgentId, AgentDefinition>>;
  routeChat: ChatRouter;
  runAgent?: AgentRunner;
  /** The agent nodes' timeout; LLM mode derives it from the run deadline (see models/deadline.ts). */
  agentTimeoutMs?: number;
  conflictPolicy?: ConflictPolicy;
  approvalPolicy?: ApprovalPolicy;
  clock?: () => Date;
  /** How deep follow-up events may cascade from one request. */
  maxCascade?: number;
  /** Called with each node's name (and what it wrote) as a run progresses. */
  onStep?: (step: { runId: string; node: string; update?: unknown }) => void;
  /** Called with the whole state after each superstep of a run. */
  onValues?: (step: { runId: string; values: GraphStateValue }) => void;
  /** Graceful shutdown: once it drains, runs stop at a superstep boundary and new ones wait. */
  control?: RunControl;
  /** Bulkhead, breaker and retry budget per agent around the agent runner; one is made when absent. */
  agentGuard?: AgentGuard;
  /** On a Postgres store: enqueue each accepted run's job in its accept transaction (see queue.ts). */
  queue?: IntakeQueue;
  /** This process's run ownership (lease and heartbeat); one is made from GROWTH_RUN_LEASE_MS when absent. */
  owner?: RunOwner;
  /** Where node and agent latencies, guard decisions and effects are counted (`telemetry/metrics.ts`). */
  telemetry?: RunTelemetry;
}

/** Per-request options. */
export interface SubmitOptions {
  dryRun?: boolean;
  /** The run's clock; defaults to now. Fixed for the whole run, so a resume decides the same way. */
  at?: Date;
  causationId?: string;
  correlationId?: string;
  depth?: number;
  /** A W3C traceparent the run continues (from the HTTP request); else the active span's, if any. */
  traceparent?: string;
  /** Called once the run is persisted (or found to be a repeat), before it runs. */
  onAccepted?: (accepted: {
    runId: string;
    threadId: string;
    correlationId: string;
    created: boolean;
  }) => void;
}

/** The request a run carries: an event, a chat turn or a play. */
export type RunRequest = GraphStateValue["request"];

/** Where a new run goes and how it is keyed, correlated and recorded. */
export interface RunIds {
  threadId: string;
  requestKey: string;
  correlationId: string;
  entity: { type: string; id: string };
}
