import { Command } from "commander";
import { requireStore, withOrchestrator } from "../context.ts";
import { healthReport } from "../queries/health.ts";

/** `growth health`: circuit breakers, retry budgets and bulkheads per agent, and what the store holds. */
export function healthCommand(): Command {
  return new Command("health")
    .description(
      "show each agent's circuit breaker, retry budget and bulkhead, and the store's unfinished runs, dead letters and leases",
    )
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ store, orchestrator }) => {
        const report = await healthReport(store, orchestrator);
        const byNode = report.dead_letters.by_node;
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
        console.log(
          "(breakers and budgets are per process: a new process starts closed and full; a long-running `growth schedule` keeps them)",
        );
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
