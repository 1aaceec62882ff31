import { CircuitState } from "cockatiel";
import type { ReliabilityState } from "../../store/repos/reliability-state.ts";

/** One provider's breaker as `growth health` shows it. */
export interface ProviderBreakerView {
  readonly provider: string;
  readonly breaker: "closed" | "open" | "half_open" | "isolated";
  /** When it opened, for an open breaker. */
  readonly openedAt: string | null;
  readonly updatedAt: string;
}

const NAMES: Record<number, ProviderBreakerView["breaker"]> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "isolated",
};

/**
 * The provider breakers saved in the store by any process. An open breaker whose cool-down has passed shows
 * as half-open: its next call is the trial.
 */
export function providerBreakers(
  saved: ReliabilityState,
  halfOpenAfterMs: number,
  now: number = Date.now(),
): ProviderBreakerView[] {
  return Object.entries(saved)
    .filter(([key]) => key.startsWith("provider:"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { state, updatedAt }]) => {
      const own = (state as { ownState?: { value?: number; openedAt?: number } } | null)?.ownState;
      let breaker = NAMES[own?.value ?? CircuitState.Closed] ?? "closed";
      const openedAt = typeof own?.openedAt === "number" && own.openedAt > 0 ? own.openedAt : null;
      if (breaker === "open" && openedAt !== null && now - openedAt >= halfOpenAfterMs) breaker = "half_open";
      return {
        provider: key.slice("provider:".length),
        breaker,
        openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
        updatedAt,
      };
    });
}
