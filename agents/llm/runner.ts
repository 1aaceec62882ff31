import { isGraphBubbleUp } from "@langchain/langgraph";
import type { Logger } from "pino";
import type { AgentId } from "../../domain/agents.ts";
import { SystemError } from "../../domain/errors.ts";
import type { ChatClient } from "../../models/client.ts";
import type { PriceTable } from "../../models/prices.ts";
import type { LoadedPrompt, PromptId } from "../../prompts/load.ts";
import type { AgentDefinition, AgentInput, AgentKit, AgentResult } from "../agent.ts";
import { type LedgerSink, recordFallback, stepRecorder } from "./ledger.ts";
import { runToolLoop } from "./loop.ts";
import { graphRunContext, type LlmCallContext } from "./run-context.ts";

/** Which path served an agent: its primary model, the configured secondary, or its playbook. */
export interface ServedBy {
  readonly path: "primary" | "secondary" | "playbook";
  readonly model: string;
  /** Why the earlier paths were skipped (the last provider error code), if any. */
  readonly reason: string | null;
}

/** An agent result with the path that produced it. */
export type LlmAgentResult = AgentResult<unknown> & { readonly servedBy: ServedBy };

/** What the LLM runner needs; `context` defaults to the ids in the LangGraph node state (`state.run`). */
export interface LlmRunnerDeps {
  readonly models: { forAgent(agent: AgentId): { primary: ChatClient | null; secondary: ChatClient | null } };
  readonly prompts: Readonly<Record<PromptId, LoadedPrompt>>;
  readonly prices: PriceTable;
  readonly maxSteps: number;
  readonly ledger?: LedgerSink;
  readonly context?: () => LlmCallContext;
  readonly onToken?: (agent: AgentId, token: string) => void;
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

/**
 * Runs agents on their models: primary, then the secondary provider, then the playbook when a provider
 * fails (after its retries, or with its breaker open). A model that misbehaves twice is a ModelError, and
 * interrupts are re-thrown: neither falls back.
 */
export function llmAgentRunner(deps: LlmRunnerDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async function runAgentOnModel(
    agent: AgentDefinition,
    input: AgentInput,
    kit: AgentKit,
  ): Promise<LlmAgentResult> {
    const { primary, secondary } = deps.models.forAgent(agent.id);
    if (!primary) return { ...(await agent.playbook(input, kit)), servedBy: playbookServed(null) };
    const prompt = deps.prompts[agent.id];
    const who = {
      agent: agent.id,
      prompt: { id: prompt.id, version: prompt.version, hash: prompt.hash },
      context: (deps.context ?? graphRunContext)(),
    };
    let reason: string | null = null;
    const paths = [["primary", primary] as const, ["secondary", secondary] as const];
    for (const [path, client] of paths) {
      if (!client) continue;
      try {
        const result = await runToolLoop(agent, input, kit, {
          client,
          system: prompt.text,
          maxSteps: deps.maxSteps,
          recorder: (step) => stepRecorder(deps.ledger, deps.prices, who, step, clock),
          ...(deps.onToken ? { onToken: (t: string) => deps.onToken?.(agent.id, t) } : {}),
        });
        return { ...result, servedBy: { path, model: `${client.provider}:${client.model}`, reason } };
      } catch (error) {
        if (isGraphBubbleUp(error) || !isProviderFailure(error)) throw error;
        reason = error.code;
        deps.logger?.warn({ agent: agent.id, path, code: error.code }, "model path failed; falling back");
      }
    }
    await recordFallback(deps.ledger, who, reason ?? "no_model", clock);
    return { ...(await agent.playbook(input, kit)), servedBy: playbookServed(reason) };
  };
}

function playbookServed(reason: string | null): ServedBy {
  return { path: "playbook", model: "playbook", reason };
}

/** A provider failed (as classified in models/), as opposed to a tool, the store or the model's output. */
function isProviderFailure(error: unknown): error is SystemError {
  return error instanceof SystemError && typeof error.details.provider === "string";
}
