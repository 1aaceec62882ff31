import { Command } from "commander";
import { alertsFileFrom } from "../../telemetry/alerts/file-option.ts";
import { checkAlerts } from "../../telemetry/alerts/monitor.ts";
import { requireStore, withOrchestrator } from "../context.ts";
import { healthReport } from "../queries/health.ts";

/** `growth health`: circuit breakers, retry budgets and bulkheads per agent, and what the store holds. */
export function healthCommand(): Command {
  return new Command("health")
    .description(
      "show each agent's circuit breaker, retry budget and bulkhead, and the store's unfinished runs, dead letters and leases",
    )
    .option("--json", "print JSON")
    .option("--alerts <file>", "evaluate the SLA alerts of this file (default: GROWTH_ALERTS_FILE)")
    .action(async (options: { json?: boolean; alerts?: string }, command: Command) => {
      requireStore(command);
      // A malformed alerts file stops here (exit 2, naming its line and field), before the store is opened.
      const alertsFile = alertsFileFrom(options.alerts);
      await withOrchestrator(command, async ({ store, orchestrator, models }) => {
        // Evaluating records raised/cleared events and calls the webhook, as serve's monitor does.
        const check = alertsFile
          ? await checkAlerts(
              {
                store,
                file: alertsFile,
                budgets: models.registry?.config.budgets ?? { all: {}, agents: {} },
              },
              new Date(),
            )
          : null;
        const report = {
          ...(await healthReport(store, orchestrator, models)),
          ...(check ? { alert_readings: check.readings } : {}),
        };
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
        if (check)
          for (const r of check.readings)
            console.log(`alert ${r.id}: ${r.firing ? "FIRING" : "ok"} · ${r.message}`);
        else if (report.alerts.length > 0)
          for (const a of report.alerts) console.log(`alert ${a.id}: FIRING since ${a.since} · ${a.message}`);
        else console.log("alerts: none firing (evaluate a file with --alerts or GROWTH_ALERTS_FILE)");
        const q = report.queue;
        if (q) {
          const oldest = q.oldest_queued_run
            ? `oldest queued run ${q.oldest_queued_run.run_id} (${q.oldest_queued_run.thread_id}) since ${q.oldest_queued_run.since}`
            : "no run queued";
          console.log(
            `queue: ${q.queued} waiting · ${q.retrying} to retry · ${q.active} being worked · ${q.held} held as safety nets · ${q.dead_lettered} dead-lettered · ${oldest}`,
          );
          console.log(
            `workers: ${q.workers.live} live · ${q.workers.dead} dead (lease expired; see \`growth workers\`)`,
          );
        }
      });
    });
}
