import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AgentDefinition, AgentInput, AgentKit, AgentResult } from "../agents/agent.ts";
import type { ServedBy } from "../agents/llm/runner.ts";
import type { AgentId } from "../domain/agents.ts";
import type { ConflictPolicy } from "../domain/conflicts/index.ts";
import type { Database } from "../store/schema.ts";
import type { RunTelemetry } from "../telemetry/run-telemetry.ts";
import type { ApprovalPolicy } from "./approval-policy.ts";

/** Runs one agent for one request: its playbook, or (in LLM mode) a model over the same tools. */
export type AgentRunner = (
  agent: AgentDefinition,
  input: AgentInput,
  kit: AgentKit,
) => Promise<AgentResult<unknown> & { readonly servedBy?: ServedBy }>;

/** How free-text chat is routed: the deterministic matcher, or an LLM behind the same interface. */
export type ChatRouter = (text: string) => Promise<{ agents: AgentId[]; reason: string; via: string }>;

/** Everything the graph's nodes need, injected once at build time. */
export interface GraphDeps {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly agents: Readonly<Record<AgentId, AgentDefinition>>;
  readonly runAgent: AgentRunner;
  readonly routeChat: ChatRouter;
  readonly conflictPolicy: ConflictPolicy;
  readonly approvalPolicy: ApprovalPolicy;
  /** How long a run may hold an account lease before it lapses on its own (crash safety). */
  readonly leaseTtlMs: number;
  /** Most agents one request may run, handoffs included. */
  readonly hopCap: number;
  /** How long one agent node may run (LLM mode derives it from the run deadline, so it never undercuts it). */
  readonly agentTimeoutMs?: number;
  /** Where node and agent latencies, guard decisions and effects are counted (the process's metrics), if anywhere. */
  readonly telemetry?: RunTelemetry;
}
