import type { z } from "zod";
import type { ProposedActionInput } from "../domain/actions.ts";
import type { AgentId, Cluster } from "../domain/agents.ts";
import type { GrowthEvent } from "../domain/events.ts";
import type { RequestVocabulary } from "../store/queries/request-vocabulary.ts";
import type { AnyTool, ToolDefinition } from "../tools/tool.ts";
import type { FilterKind } from "./request/filters.ts";

/** What started the run: a typed event, a chat turn, or a scheduled play. */
export type AgentRequest =
  | { kind: "event"; eventId: string; event: GrowthEvent }
  | { kind: "chat"; text: string }
  | { kind: "play"; play: string };

/** The scoped view an agent gets: the request, the artefacts it reads, and the run's clock. */
export interface AgentInput {
  readonly request: AgentRequest;
  /** Artefacts of earlier agents in this run, only those listed in the agent's `reads`. */
  readonly artefacts: Partial<Record<AgentId, unknown>>;
  readonly now: Date;
  /** For chat: the store's known industries, countries and owners, which request filters are read against. */
  readonly vocabulary?: RequestVocabulary;
}

/** How an agent reaches the world: only through its own tools. */
export interface AgentKit {
  readonly now: Date;
  /** Calls one of the agent's own tools; any other tool is refused. */
  use<S extends z.ZodType, O>(tool: ToolDefinition<S, O>, input: z.input<S>): Promise<O>;
}

/** What an agent returns: a typed artefact, a summary for people, and proposals (never effects). */
export interface AgentResult<A> {
  artefact: A;
  /** One or two sentences for the chat answer and the trace. */
  summary: string;
  proposals: ProposedActionInput[];
  /** Agents that should run next in this request with this agent's artefact. */
  handoffs?: AgentId[];
  /** Follow-up events for the event log and the queue, e.g. `kpi_dropped`. */
  events?: GrowthEvent[];
  /**
   * The kinds of filter the playbook applied from a chat request (see agents/request); the agent node names
   * in the answer every filter the request named that is not in this list.
   */
  appliedFilters?: readonly FilterKind[];
}

/** One agent: identity, routing hints, its tools, its artefact schema and its deterministic playbook. */
export interface AgentDefinition<A = unknown> {
  readonly id: AgentId;
  readonly cluster: Cluster;
  readonly title: string;
  /** What it does, for routing and for the LLM prompt. */
  readonly description: string;
  /** Requests it should handle: training text of the chat intent classifier, and its capability answer. */
  readonly examples: readonly string[];
  /** Other agents whose artefacts it may read. */
  readonly reads: readonly AgentId[];
  readonly tools: readonly AnyTool[];
  readonly artefact: z.ZodType<A>;
  playbook(input: AgentInput, kit: AgentKit): Promise<AgentResult<A>>;
}

/** Defines an agent; checks the parts a developer can get wrong at start-up. */
export function defineAgent<A>(definition: AgentDefinition<A>): AgentDefinition<A> {
  const names = definition.tools.map((t) => t.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`Agent ${definition.id} lists tool ${dup} twice.`);
  if (definition.examples.length < 2) throw new Error(`Agent ${definition.id} needs at least two examples.`);
  return definition;
}
