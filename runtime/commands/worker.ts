import { Command } from "commander";
import type { Logger } from "pino";
import { UserError } from "../../domain/errors.ts";
import type { Play } from "../../graph/routes.ts";
import type { Store } from "../../store/db.ts";
import { isPostgresUrl } from "../../store/postgres/url.ts";
import { queueHealth } from "../../store/queries/queue-health.ts";
import { queueSettings } from "../../store/queue/boss.ts";
import { alertsFileFrom } from "../../telemetry/alerts/file-option.ts";
import { storeFile, withOrchestrator } from "../context.ts";
import type { Orchestrator } from "../orchestrator.ts";
import { pruneStore } from "../retention.ts";
import { RunControl } from "../run-control.ts";
import { onCron, type Schedule, selectPlays, startSchedule } from "../scheduler/index.ts";
import { startWorker } from "../worker/index.ts";

/** The worker's Prometheus metrics (telemetry/ loads only when asked for), the queue depth read off pg-boss. */
async function workerMetrics() {
  const { createMetrics } = await import("../../telemetry/metrics.ts");
  const { serveMetrics } = await import("../../telemetry/metrics-server.ts");
  let metrics: ReturnType<typeof createMetrics> | null = null;
  return {
    telemetryFor(store: Store) {
      metrics = createMetrics({
        store,
        queueDepth: async () => {
          if (store.dialect !== "postgres") return 0;
          const q = await queueHealth(store, new Date());
          return q.queued + q.retrying;
        },
      });
      return metrics.run;
    },
    get metrics() {
      return metrics;
    },
    serve(port: number, host: string) {
      if (!metrics) throw new Error("worker metrics were not built with the orchestrator");
      return serveMetrics(metrics, { port, host });
    },
  };
}

interface WorkerFlags {
  concurrency: string;
  metricsPort?: string;
  metricsHost: string;
  alerts?: string;
  schedule?: string | true;
  cron?: string;
}

/** The plays `--schedule` names (comma-separated; bare `--schedule` is every play), or none without it. */
function scheduledPlays(flags: WorkerFlags): Play[] {
  if (flags.schedule === undefined) {
    if (flags.cron !== undefined)
      throw new UserError(
        "worker_cron_without_schedule",
        "--cron sets the cadence of --schedule; add --schedule.",
      );
    return [];
  }
  const names =
    flags.schedule === true
      ? []
      : flags.schedule
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean);
  return onCron(selectPlays(names), flags.cron);
}

function metricsPort(value: string | undefined): number | null {
  if (value === undefined) return null;
  const port = Number(value);
  if (!Number.isSafeInteger(port) || port < 0 || port > 65_535)
    throw new UserError(
      "worker_metrics_port_invalid",
      `--metrics-port ${value} must be a port number from 0 to 65535 (0 picks a free one).`,
    );
  return port;
}

/**
 * Fires the plays on their cron from this worker. Every worker of a team may: a tick's run key is its scheduled
 * slot, unique in the store, so the first worker to accept a slot enqueues its run and the others' ticks are
 * duplicates; whichever worker the queue hands the run to executes it.
 */
function firePlays(
  plays: readonly Play[],
  orchestrator: Orchestrator,
  store: Store,
  logger: Logger,
): Schedule {
  const schedule = startSchedule(
    plays,
    async (play, tick) => {
      const outcome = await orchestrator.play(play.name, { runKey: tick.toISOString() });
      logger.info({ play: play.name, slot: tick.toISOString(), status: outcome.status }, "play fired");
      // Retention as `growth schedule` keeps it: finished plays past the grace period lose their last checkpoint.
      if (outcome.status !== "duplicate") await pruneStore(store.db);
    },
    logger,
  );
  for (const job of schedule.jobs)
    console.error(`${job.play.name}: next slot ${job.next?.toISOString() ?? "never"}`);
  return schedule;
}

/**
 * `growth worker [--concurrency n] [--metrics-port p]`: takes runs from the queue and executes them until SIGTERM
 * drains it; with a metrics port, serves Prometheus text at /metrics (no key: loopback unless --metrics-host).
 */
export function workerCommand(): Command {
  return new Command("worker")
    .description(
      "take accepted runs from the queue (a PostgreSQL store: DATABASE_URL) and execute them until stopped; SIGTERM drains",
    )
    .option("--concurrency <n>", "how many runs this worker executes at once", "2")
    .option("--metrics-port <port>", "serve Prometheus metrics at /metrics on this port (0: any free one)")
    .option(
      "--metrics-host <host>",
      "the address the metrics port listens on (it has no key check)",
      "127.0.0.1",
    )
    .option(
      "--schedule [plays]",
      "also fire the scheduled plays (comma-separated names; all without a value): every worker may, each slot runs once",
    )
    .option("--cron <expr>", "with --schedule: fire the plays on this cron (UTC) instead of their own")
    .option(
      "--alerts <file>",
      "evaluate the SLA alerts of this file in the background (default: GROWTH_ALERTS_FILE)",
    )
    .action(async (options: WorkerFlags, command: Command) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new UserError(
          "worker_concurrency_invalid",
          `--concurrency ${options.concurrency} must be a whole number from 1 to 64.`,
        );
      if (!isPostgresUrl(storeFile(command)))
        throw new UserError(
          "worker_needs_postgres",
          "growth worker takes runs from the queue in PostgreSQL: set DATABASE_URL (or --db postgres://…); the embedded store runs everything in one process.",
        );
      const port = metricsPort(options.metricsPort);
      const plays = scheduledPlays(options);
      const alerts = alertsFileFrom(options.alerts);
      const metrics = port === null ? null : await workerMetrics();
      const control = new RunControl();
      const untrap = control.trapSignals();
      try {
        await withOrchestrator(
          command,
          async ({ store, orchestrator, logger, models }) => {
            if (store.dialect !== "postgres") return;
            const worker = await startWorker({
              store,
              orchestrator,
              owner: orchestrator.owner,
              control,
              logger,
              settings: queueSettings(),
              concurrency,
            });
            console.error(
              `worker ${worker.id} taking runs from ${store.name} (concurrency ${concurrency}); SIGTERM drains`,
            );
            const scrape = port === null ? null : await metrics?.serve(port, options.metricsHost);
            if (scrape) console.error(`metrics at ${scrape.url}`);
            const { startAlertMonitor } = await import("../../telemetry/alerts/monitor.ts");
            const monitor = alerts
              ? startAlertMonitor({
                  store,
                  file: alerts,
                  budgets: models.registry?.config.budgets ?? { all: {}, agents: {} },
                  logger,
                  ...(metrics?.metrics ? { metrics: metrics.metrics } : {}),
                })
              : null;
            const schedule = plays.length > 0 ? firePlays(plays, orchestrator, store, logger) : null;
            await new Promise<void>((resolve) => control.onDrain(() => resolve()));
            schedule?.stop();
            await monitor?.stop();
            await worker.stop();
            await scrape?.close();
            console.error(`worker ${worker.id} drained and stopped`);
          },
          {
            control,
            dispatch: "workers",
            ownerRole: "worker",
            ...(metrics ? { telemetryFor: (store: Store) => metrics.telemetryFor(store) } : {}),
          },
        );
      } finally {
        untrap();
      }
    });
}
