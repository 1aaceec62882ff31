import type { Logger } from "pino";
import { AGENT_LIST, AGENTS } from "../agents/index.ts";
import { memorySummary } from "../agents/llm/memory.ts";
import type { LlmCallContext } from "../agents/llm/run-context.ts";
import { llmAgentRunner, type ServedBy } from "../agents/llm/runner.ts";
import type { AgentId } from "../domain/agents.ts";
import { routingTrainSplit } from "../evals/train-split.ts";
import { referenceAwareRouter } from "../graph/chat-references.ts";
import { matcherChatRouter } from "../graph/chat-router.ts";
import { checkpointerFor } from "../graph/checkpointer.ts";
import type { AgentRunner, ChatRouter } from "../graph/deps.ts";
import { llmChatRouter } from "../graph/llm-chat-router.ts";
import { loadModelConfig, type ModelConfig } from "../models/config.ts";
import { agentNodeTimeoutMs, deadlineBook } from "../models/deadline.ts";
import { createModelRegistry, type ModelRegistry } from "../models/factory.ts";
import type { ResilienceOptions } from "../models/resilience.ts";
import { formatModelSpec } from "../models/spec.ts";
import type { StatePersistence } from "../models/state-persistence.ts";
import { loadPrompts } from "../prompts/load.ts";
import type { Store } from "../store/db.ts";
import { conversationTurns } from "../store/queries/conversation-turns.ts";
import { llmSpend } from "../store/queries/llm-spend.ts";
import { recordLlmCall } from "../store/repos/llm-calls.ts";
import type { ReliabilityState } from "../store/repos/reliability-state.ts";
import { Orchestrator, type OrchestratorOptions } from "./orchestrator.ts";
import { ownershipSettings, RunOwner } from "./ownership/index.ts";
import { AgentGuard } from "./reliability/agent-guard.ts";
import { storePersistence } from "./reliability/store-persistence.ts";
import { recordingRouter } from "./route-record.ts";

/** Live hooks of LLM mode: model text as it streams (with its run id, null outside a run), and who served each agent. */
export interface ModelHooks {
  readonly onToken?: (agent: AgentId, token: string, runId: string | null) => void;
  readonly onServed?: (agent: AgentId, servedBy: ServedBy) => void;
}

/** How to build the app: orchestrator overrides, plus where the model config comes from and live hooks. */
export interface AppOptions extends Partial<Omit<OrchestratorOptions, "store" | "logger">>, ModelHooks {
  /** An environment-like object to read the model config from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** An already loaded model config; wins over `env`. */
  readonly modelConfig?: ModelConfig;
  /** Resilience settings that win over the config's (tests shorten backoff and breaker windows). */
  readonly resilience?: Partial<ResilienceOptions>;
  /** Breaker and budget state loaded from the store (`loadReliabilityState`); none: start closed and full. */
  readonly reliability?: ReliabilityState;
}

/** The model side of the app: playbook or LLM mode, with the runner and router it built. */
export interface ModelMode {
  readonly mode: "playbook" | "llm";
  /** One line for people, e.g. `LLM mode: openai:gpt-4o-mini (fallback anthropic:claude-haiku-4-5)`. */
  readonly description: string;
  readonly registry: ModelRegistry | null;
  /** Null in playbook mode: the orchestrator runs each agent's playbook. */
  readonly runAgent: AgentRunner | null;
  readonly routeChat: ChatRouter;
}

/** Builds the agent runner and chat router a model config asks for; no model at all keeps playbook mode. */
export function buildModelMode(
  store: Store,
  logger: Logger,
  config: ModelConfig,
  options: ModelHooks & { resilience?: Partial<ResilienceOptions>; persistence?: StatePersistence } = {},
): ModelMode {
  // The matcher resolves back-references ("the same for his colleague") from the conversation's earlier turns.
  const matcher = referenceAwareRouter(
    matcherChatRouter(AGENT_LIST, routingTrainSplit()),
    async ({ threadId, runId }) => {
      if (!threadId?.startsWith("chat:") || !runId) return [];
      const last = (await conversationTurns(store.db, threadId, runId, 1)).at(-1);
      return [...new Set(last?.agents.map((a) => a.agent as AgentId) ?? [])];
    },
  );
  const specs = [config.defaultModel, config.router, ...Object.values(config.agents)];
  if (specs.every((s) => s.provider === "playbook")) {
    return {
      mode: "playbook",
      description: "playbook mode: agents run their deterministic playbooks",
      registry: null,
      runAgent: null,
      // Recorded as in LLM mode, so every chat run's trace says who routed it and why.
      routeChat: recordingRouter(store, matcher),
    };
  }
  const registry = createModelRegistry(config, options.resilience, options.persistence);
  const prompts = loadPrompts();
  const ledger = (call: Parameters<typeof recordLlmCall>[1]) => recordLlmCall(store.db, call);
  const deadlines = deadlineBook(config.deadline);
  const memoryOf = async ({ threadId, runId }: LlmCallContext) =>
    threadId?.startsWith("chat:") && runId
      ? memorySummary(await conversationTurns(store.db, threadId, runId))
      : null;
  const runner = llmAgentRunner({
    models: registry,
    prompts,
    prices: config.prices,
    maxSteps: config.maxSteps,
    deadlines,
    budgets: { limits: config.budgets, spendOf: (scope) => llmSpend(store.db, scope) },
    memoryOf,
    ledger,
    logger,
    ...(options.onToken ? { onToken: options.onToken } : {}),
  });
  const runAgent: AgentRunner = async (agent, input, kit) => {
    const result = await runner(agent, input, kit);
    options.onServed?.(agent.id, result.servedBy);
    return result;
  };
  const routerClient = registry.router();
  const routeChat = recordingRouter(
    store,
    routerClient
      ? llmChatRouter(routerClient, matcher, {
          agents: AGENT_LIST,
          prompt: prompts.supervisor,
          prices: config.prices,
          deadlines,
          memoryOf,
          ledger,
          logger,
        })
      : matcher,
  );
  const fallback = config.fallback ? ` (fallback ${formatModelSpec(config.fallback)})` : "";
  return {
    mode: "llm",
    description: `LLM mode: ${formatModelSpec(config.defaultModel)}${fallback}, routing by ${formatModelSpec(config.router)}`,
    registry,
    runAgent,
    routeChat,
  };
}

/** Builds the orchestrator for a store plus the model mode it runs in (checkpoints beside the store: its SQLite file or its Postgres pool). */
export function createApp(
  store: Store,
  logger: Logger,
  options: AppOptions = {},
): { orchestrator: Orchestrator; models: ModelMode; flush: () => Promise<void> } {
  const { env, modelConfig, resilience, onToken, onServed, reliability, ...overrides } = options;
  const config = modelConfig ?? loadModelConfig(env ?? process.env).config;
  const persistence = storePersistence(store, reliability ?? {});
  const models = buildModelMode(store, logger, config, {
    persistence,
    ...(resilience ? { resilience } : {}),
    ...(onToken ? { onToken } : {}),
    ...(onServed ? { onServed } : {}),
  });
  const orchestrator = new Orchestrator({
    store,
    logger,
    checkpointer: overrides.checkpointer ?? checkpointerFor(store),
    agents: AGENTS,
    agentGuard: overrides.agentGuard ?? new AgentGuard({ persistence }),
    owner: overrides.owner ?? new RunOwner(store.db, { ...ownershipSettings(env ?? process.env), logger }),
    routeChat: models.routeChat,
    ...(models.runAgent
      ? { runAgent: models.runAgent, agentTimeoutMs: agentNodeTimeoutMs(config.deadline) }
      : {}),
    ...overrides,
  });
  return { orchestrator, models, flush: persistence.flush };
}

/**
 * Builds the orchestrator for a store: LLM mode when the model config (from `options.env`, else
 * `process.env`) names a model, else playbook mode; explicit `runAgent`/`routeChat` overrides win.
 */
export function createOrchestrator(store: Store, logger: Logger, options: AppOptions = {}): Orchestrator {
  return createApp(store, logger, options).orchestrator;
}
