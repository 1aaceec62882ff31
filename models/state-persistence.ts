import type { CircuitBreakerPolicy } from "cockatiel";

/** Where breaker and budget state is kept between processes; saving is fire-and-forget. */
export interface StatePersistence {
  /** The state saved under `key` by this or an earlier process, if any. */
  initial(key: string): unknown;
  save(key: string, state: unknown): void;
}

/** Keeps nothing: every process starts closed and full (tests, one-off tools). */
export const NO_PERSISTENCE: StatePersistence = { initial: () => undefined, save: () => {} };

/**
 * Builds a breaker from its saved state and saves it again on every change of state, so a breaker that
 * opened in one process is open in the next. A saved state that cockatiel cannot read starts closed.
 */
export function persistedBreaker(
  key: string,
  persistence: StatePersistence,
  make: (initialState: unknown) => CircuitBreakerPolicy,
): CircuitBreakerPolicy {
  let breaker: CircuitBreakerPolicy;
  try {
    breaker = make(persistence.initial(key));
  } catch {
    breaker = make(undefined);
  }
  breaker.onStateChange(() => persistence.save(key, breaker.toJSON()));
  return breaker;
}
