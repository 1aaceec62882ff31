import type { CircuitBreakerPolicy } from "cockatiel";
import type { AgentId } from "../domain/agents.ts";
import { tracedClient } from "../telemetry/gen-ai.ts";
import { anthropicClient } from "./anthropic-client.ts";
import type { ChatClient } from "./client.ts";
import { type ModelConfig, modelFor } from "./config.ts";
import { openAiClient } from "./openai-client.ts";
import { replayFetch } from "./replay/fetch.ts";
import { surfaceReplayErrors } from "./replay/surface.ts";
import { providerBreaker, type ResilienceOptions, resilientClient } from "./resilience.ts";
import type { ModelSpec, Provider } from "./spec.ts";
import { NO_PERSISTENCE, persistedBreaker, type StatePersistence } from "./state-persistence.ts";

/** The models of one process: clients per agent and for routing, sharing one breaker per provider. */
export interface ModelRegistry {
  readonly config: ModelConfig;
  /** The agent's primary and secondary clients; null primary means playbook mode for this agent. */
  forAgent(agent: AgentId): { primary: ChatClient | null; secondary: ChatClient | null };
  /** The client that routes free-text chat, or null for the deterministic matcher. */
  router(): ChatClient | null;
  /** The breaker of a provider, for health checks and tests. */
  breaker(provider: Provider): CircuitBreakerPolicy;
}

/** Builds resilient clients from config; clients are created on first use and reused; breakers persist. */
export function createModelRegistry(
  config: ModelConfig,
  overrides: Partial<ResilienceOptions> = {},
  persistence: StatePersistence = NO_PERSISTENCE,
  tracing: { captureContent: boolean } = { captureContent: false },
): ModelRegistry {
  const options: ResilienceOptions = {
    timeoutMs: config.timeoutMs,
    maxAttempts: config.maxAttempts,
    backoff: config.backoff,
    breaker: config.breaker,
    minAttemptMs: config.deadline.minAttemptMs,
    ...overrides,
  };
  const breakers = new Map<Provider, CircuitBreakerPolicy>();
  const clients = new Map<string, ChatClient>();
  const replay = config.replay.mode === "off" ? null : replayFetch(config.replay);
  // Replay-strict sends nothing, but the Anthropic SDK refuses to build a request without some key.
  const keyless = config.replay.mode === "replay-strict" ? "replay-strict-no-key" : null;
  const breakerOf = (provider: Provider) => {
    let b = breakers.get(provider);
    if (!b) {
      b = persistedBreaker(`provider:${provider}`, persistence, (initial) =>
        providerBreaker(options, initial),
      );
      breakers.set(provider, b);
    }
    return b;
  };
  const clientOf = (spec: ModelSpec | null): ChatClient | null => {
    if (!spec || spec.provider === "playbook") return null;
    const key = `${spec.provider}:${spec.model}`;
    let client = clients.get(key);
    if (!client) {
      const settings = config.providers[spec.provider];
      const raw = {
        model: spec.model,
        apiKey: settings.apiKey ?? keyless,
        baseUrl: settings.baseUrl,
        timeoutMs: options.timeoutMs,
        maxOutputTokens: config.maxOutputTokens,
        ...(replay ? { fetch: replay } : {}),
      };
      const inner = spec.provider === "openai" ? openAiClient(raw) : anthropicClient(raw);
      // One GenAI span per call (its attempts inside), around the resilient client.
      client = tracedClient(
        resilientClient(surfaceReplayErrors(inner), breakerOf(spec.provider), options),
        tracing.captureContent,
      );
      clients.set(key, client);
    }
    return client;
  };

  return {
    config,
    forAgent(agent) {
      const primary = clientOf(modelFor(config, agent));
      const secondary = primary ? clientOf(config.fallback) : null;
      return { primary, secondary: secondary === primary ? null : secondary };
    },
    router: () => clientOf(config.router),
    breaker: breakerOf,
  };
}
