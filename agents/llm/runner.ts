import { isGraphBubbleUp } from "@langchain/langgraph";
import type { Logger } from "pino";
import type { AgentId } from "../../domain/agents.ts";
import { GrowthError, ModelError, SystemError } from "../../domain/errors.ts";
import type { Budgets } from "../../models/budgets.ts";
import type { ChatClient } from "../../models/client.ts";
import { DEFAULT_DEADLINE, type DeadlineBook, deadlineBook } from "../../models/deadline.ts";
import type { PriceTable } from "../../models/prices.ts";
import type { LoadedPrompt, PromptId } from "../../prompts/load.ts";
import type { AgentDefinition, AgentInput, AgentKit, AgentResult } from "../agent.ts";
import { checkBudgets, type SpendOf } from "./budget-check.ts";
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
  /** The run deadlines every model call's timeout and attempts come from; one with defaults when absent. */
  readonly deadlines?: DeadlineBook;
  readonly ledger?: LedgerSink;
  /** Token and money budgets, checked against `spendOf` (the ledger) before every model call. */
  readonly budgets?: { readonly limits: Budgets; readonly spendOf: SpendOf };
  readonly context?: () => LlmCallContext;
  /** The compact memory of the conversation's earlier turns (chat threads only), for the first message. */
  readonly memoryOf?: (context: LlmCallContext) => Promise<string | null>;
  /** Model text as it streams, with the run it belongs to (null outside a run), so a caller can route it. */
  readonly onToken?: (agent: AgentId, token: string, runId: string | null) => void;
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

/**
 * Runs agents on their models: primary, then the secondary provider, then the playbook when a path fails
 * (a provider after its retries, with its breaker open or out of deadline; a model whose output stays
 * invalid after its repair, or that hits the step cap). Interrupts are re-thrown, never fallen back from.
 */
export function llmAgentRunner(deps: LlmRunnerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const deadlines = deps.deadlines ?? deadlineBook(DEFAULT_DEADLINE);
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
    const memory = (await deps.memoryOf?.(who.context)) ?? null;
    const budgets = deps.budgets;
    const beforeCall = budgets
      ? () => checkBudgets(budgets.limits, budgets.spendOf, agent.id, who.context, clock())
      : undefined;
    const paths = [["primary", primary] as const, ["secondary", secondary] as const];
    for (const [path, client] of paths) {
      if (!client) continue;
      const runId = who.context.runId;
      const deadlineAt =
        path === "primary" ? deadlines.primary(runId, secondary !== null) : deadlines.secondary(runId);
      try {
        const result = await runToolLoop(agent, input, kit, {
          client,
          system: prompt.text,
          maxSteps: deps.maxSteps,
          deadlineAt,
          memory,
          ...(beforeCall ? { beforeCall } : {}),
          recorder: (step) => stepRecorder(deps.ledger, deps.prices, who, step, clock),
          ...(deps.onToken ? { onToken: (t: string) => deps.onToken?.(agent.id, t, runId) } : {}),
        });
        return { ...result, servedBy: { path, model: `${client.provider}:${client.model}`, reason } };
      } catch (error) {
        if (error instanceof GrowthError && error.code === "budget_exhausted") {
          reason = error.code; // a spent budget is spent on every path: straight to the playbook
          deps.logger?.warn({ agent: agent.id, path, details: error.details }, error.message);
          break;
        }
        if (isGraphBubbleUp(error) || !(isProviderFailure(error) || error instanceof ModelError)) throw error;
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
