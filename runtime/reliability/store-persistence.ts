import type { StatePersistence } from "../../models/state-persistence.ts";
import type { Store } from "../../store/db.ts";
import { type ReliabilityState, saveReliabilityState } from "../../store/repos/reliability-state.ts";

/** Breaker and budget state kept in the store; `flush` waits for the writes still on their way. */
export function storePersistence(
  store: Store,
  initial: ReliabilityState,
  clock: () => Date = () => new Date(),
): StatePersistence & { flush(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  return {
    initial: (key) => initial[key]?.state,
    save(key, state) {
      // A lost write only means the next process starts closed; it must never fail the run.
      const write = saveReliabilityState(store.db, key, state, clock()).catch(() => {});
      pending.add(write);
      void write.finally(() => pending.delete(write));
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}
