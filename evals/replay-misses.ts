import type { ChatClient } from "../models/client.ts";
import type { ModelRegistry } from "../models/factory.ts";
import { replayErrorIn } from "../models/replay/surface.ts";

/**
 * Wraps a model registry so that every replay error (a replay-strict call with no recording) is kept before
 * it is rethrown: an agent falls back to its playbook on it, which would otherwise hide that a prompt, a
 * model or a tool schema changed without a new recording.
 */
export function watchReplayMisses(registry: ModelRegistry): {
  registry: ModelRegistry;
  misses: () => readonly Error[];
} {
  const misses: Error[] = [];
  const watch = (client: ChatClient | null): ChatClient | null =>
    client && {
      provider: client.provider,
      model: client.model,
      async chat(request, signal) {
        try {
          return await client.chat(request, signal);
        } catch (error) {
          const miss = replayErrorIn(error);
          if (miss) misses.push(miss);
          throw error;
        }
      },
    };
  return {
    registry: {
      config: registry.config,
      breaker: (provider) => registry.breaker(provider),
      router: () => watch(registry.router()),
      forAgent(agent) {
        const { primary, secondary } = registry.forAgent(agent);
        return { primary: watch(primary), secondary: watch(secondary) };
      },
    },
    misses: () => misses,
  };
}
