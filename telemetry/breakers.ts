import type { ModelMode } from "../runtime/app.ts";
import type { Orchestrator } from "../runtime/orchestrator.ts";
import { providerBreakers } from "../runtime/reliability/breaker-view.ts";
import type { Store } from "../store/db.ts";
import { loadReliabilityState } from "../store/repos/reliability-state.ts";
import type { BreakerReading } from "./metrics.ts";

/** Every breaker a process can read: its agents' (in process) and the providers' (as the store keeps them). */
export async function serviceBreakers(
  store: Store,
  orchestrator: Orchestrator,
  models: ModelMode,
  now: Date,
): Promise<BreakerReading[]> {
  const halfOpenAfterMs = models.registry?.config.breaker.halfOpenAfterMs ?? 30_000;
  const providers = providerBreakers(await loadReliabilityState(store.db), halfOpenAfterMs, now.getTime());
  return [
    ...orchestrator.health().map((a) => ({ scope: "agent" as const, name: a.agent, state: a.breaker })),
    ...providers.map((p) => ({ scope: "provider" as const, name: p.provider, state: p.breaker })),
  ];
}
