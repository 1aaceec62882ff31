import { Command } from "commander";
import { countDeadLetters, listDeadLetters } from "../../store/repos/dead-letters.ts";
import { eventLogGaps } from "../../store/repos/events.ts";
import { heldLeases } from "../../store/repos/leases.ts";
import { loadReliabilityState } from "../../store/repos/reliability-state.ts";
import { countRunsByStatus } from "../../store/repos/runs.ts";
import { withOrchestrator } from "../context.ts";
import { providerBreakers } from "../reliability/breaker-view.ts";

/** `growth health`: circuit breakers, retry budgets and bulkheads per agent, and what the store holds. */
export function healthCommand(): Command {
  return new Command("health")
    .description(
      "show each agent's circuit breaker, retry budget and bulkhead, and the store's unfinished runs, dead letters and leases",
    )
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withOrchestrator(command, async ({ store, orchestrator, models }) => {
        const now = new Date();
        const runs = await countRunsByStatus(store.db);
        const deadLetters = await countDeadLetters(store.db);
        const open = await listDeadLetters(store.db, "open");
        const byNode: Record<string, number> = {};
        for (const row of open) byNode[row.node] = (byNode[row.node] ?? 0) + 1;
        const saved = await loadReliabilityState(store.db);
        const halfOpenAfterMs = models.registry?.config.breaker.halfOpenAfterMs ?? 30_000;
        const report = {
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
        };
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        console.log("agent                   breaker    retries   running");
        for (const a of report.agents) {
          console.log(
            `${a.agent.padEnd(23)} ${a.breaker.padEnd(10)} ${`${a.retriesAvailable}/${a.retryCapacity}`.padEnd(9)} ${a.running}/${a.concurrency}`,
          );
        }
        for (const p of report.providers) {
          console.log(
            `provider ${p.provider.padEnd(14)} ${p.breaker.padEnd(10)} ${p.opened_at ? `opened ${p.opened_at}` : ""}`,
          );
        }
        console.log("(breakers and budgets are kept in the store: every process sees the same state)");
        console.log(
          `runs: ${report.runs.unfinished} unfinished${report.runs.unfinished > 0 ? " (run `growth resume`)" : ""} · ${report.runs.waiting_approval} waiting for approval · ${report.runs.completed} completed`,
        );
        const nodes = Object.entries(byNode)
          .map(([node, n]) => `${node} ${n}`)
          .join(", ");
        console.log(
          `dead letters open: ${report.dead_letters.open}${nodes ? ` (${nodes}; see \`growth dlq list\`)` : ""}`,
        );
        console.log(`leases held: ${report.leases_held} · event log gaps: ${report.event_log_gaps}`);
      });
    });
}
