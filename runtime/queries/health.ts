import type { Store } from "../../store/db.ts";
import { alertStates } from "../../store/queries/alert-facts.ts";
import { queueHealth } from "../../store/queries/queue-health.ts";
import { countDeadLetters, listDeadLetters } from "../../store/repos/dead-letters.ts";
import { eventLogGaps } from "../../store/repos/events.ts";
import { heldLeases } from "../../store/repos/leases.ts";
import { loadReliabilityState } from "../../store/repos/reliability-state.ts";
import { countRunsByStatus } from "../../store/repos/runs.ts";
import type { ModelMode } from "../app.ts";
import type { Orchestrator } from "../orchestrator.ts";
import { providerBreakers } from "../reliability/breaker-view.ts";

/**
 * Breakers, budgets and bulkheads per agent, the providers' breakers as the store keeps them (so every process
 * sees the same), plus unfinished runs, dead letters, leases and log gaps.
 */
export async function healthReport(
  store: Store,
  orchestrator: Orchestrator,
  models: ModelMode,
  now: Date = new Date(),
) {
  const runs = await countRunsByStatus(store.db);
  const deadLetters = await countDeadLetters(store.db);
  const open = await listDeadLetters(store.db, "open");
  const byNode: Record<string, number> = {};
  for (const row of open) byNode[row.node] = (byNode[row.node] ?? 0) + 1;
  const saved = await loadReliabilityState(store.db);
  const halfOpenAfterMs = models.registry?.config.breaker.halfOpenAfterMs ?? 30_000;
  return {
    agents: orchestrator.health(),
    providers: providerBreakers(saved, halfOpenAfterMs, now.getTime()).map((p) => ({
      provider: p.provider,
      breaker: p.breaker,
      opened_at: p.openedAt,
      updated_at: p.updatedAt,
    })),
    runs: {
      unfinished: (runs.queued ?? 0) + (runs.running ?? 0),
      waiting_approval: runs.waiting_approval ?? 0,
      completed: runs.completed ?? 0,
    },
    dead_letters: { open: deadLetters.open ?? 0, by_node: byNode },
    leases_held: (await heldLeases(store.db, now)).length,
    event_log_gaps: await eventLogGaps(store.db),
    // SLA alerts as last recorded by whoever evaluates them (serve, a worker, `growth health --alerts`).
    alerts: (await alertStates(store.db))
      .filter((a) => a.state === "raised")
      .map((a) => ({ id: a.id, state: a.state, since: a.at, message: String(a.payload.message ?? "") })),
    // At scale only: the embedded store has no queue and no workers.
    queue: store.dialect === "postgres" ? await queueHealth(store, now) : null,
  };
}
