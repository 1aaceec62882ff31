import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "pino";
import { UserError } from "../domain/errors.ts";
import { type AppOptions, createApp as createRuntime } from "../runtime/app.ts";
import { intakeQueueFor } from "../runtime/orchestrator/queue.ts";
import { reclaimEvery } from "../runtime/ownership/reclaim.ts";
import { RunControl } from "../runtime/run-control.ts";
import { selectPlays, startSchedule } from "../runtime/scheduler/index.ts";
import type { Store } from "../store/db.ts";
import { countActiveKeys } from "../store/repos/api-keys.ts";
import { loadReliabilityState } from "../store/repos/reliability-state.ts";
import type { AlertsFile } from "../telemetry/alerts/config.ts";
import { startAlertMonitor } from "../telemetry/alerts/monitor.ts";
import type { WebhookTarget } from "../telemetry/alerts/webhook.ts";
import { serviceBreakers } from "../telemetry/breakers.ts";
import { createMetrics } from "../telemetry/metrics.ts";
import { createApp } from "./app.ts";
import { DEFAULT_LIMITS, type ServiceLimits } from "./deps.ts";
import { RunBus } from "./run-bus.ts";
import { Tasks } from "./tasks.ts";

/** How to start the service. */
export interface ServiceOptions {
  store: Store;
  logger: Logger;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  limits?: Partial<ServiceLimits>;
  /** Also run the scheduled plays on their cron. */
  schedule?: boolean;
  /** Orchestrator options (model config, clock, policies); the service adds its own control and hooks. */
  runtime?: AppOptions;
  /** The process's tracer, when tracing is on (its dropped spans are a metric). */
  tracing?: { dropped(): number } | null;
  /** SLA alerts to evaluate in the background (the alerts file; tests shorten the interval and webhook backoff). */
  alerts?: { file: AlertsFile; intervalMs?: number; webhook?: WebhookTarget };
}

/** A running service: where it listens, and a graceful stop. */
export interface RunningService {
  url: string;
  /** Stops accepting, drains runs at a step boundary (the next start resumes them), and closes the listener. */
  stop(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Starts `growth serve`: the HTTP API over the embedded orchestrator, which first resumes what a previous process
 * left unfinished. A non-loopback host is refused while no API key exists.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host) && (await countActiveKeys(options.store.db)) === 0)
    throw new UserError(
      "serve_no_keys",
      `Refusing to listen on ${host} while no API key exists: create one with \`growth keys create --name <who> --role admin\`, or listen on 127.0.0.1.`,
    );
  const bus = new RunBus();
  const control = new RunControl();
  const tasks = new Tasks(options.logger);
  // Breakers and retry budgets start from what the store keeps, so every process sees the same state.
  const reliability = await loadReliabilityState(options.store.db);
  const clock = options.runtime?.clock ?? (() => new Date());
  const breakers: { read: () => ReturnType<typeof serviceBreakers> } = { read: async () => [] };
  const metrics = createMetrics({
    store: options.store,
    clock,
    breakers: () => breakers.read(),
    ...(options.tracing ? { droppedSpans: () => options.tracing?.dropped() ?? 0 } : {}),
  });
  const { orchestrator, models, flush } = createRuntime(options.store, options.logger, {
    reliability,
    telemetry: metrics.run,
    // On Postgres every accepted run (POST /v1/events, chat) gets its job in its accept transaction: the
    // service runs it itself and the held-back job lets a worker resume it if the service dies.
    queue: intakeQueueFor(options.store, "inline"),
    ...options.runtime,
    control,
    onStep: ({ runId, node, update }) => bus.publish(runId, { type: "update", node, update }),
    onValues: ({ runId, values }) => bus.publish(runId, { type: "values", values }),
    // LLM mode: model text as it streams goes to whoever streams its run (text outside a run has no reader).
    onToken: (agent, text, runId) => {
      options.runtime?.onToken?.(agent, text, runId);
      if (runId) bus.publish(runId, { type: "text", agent, text });
    },
  });
  breakers.read = () => serviceBreakers(options.store, orchestrator, models, clock());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = createApp(
    {
      store: options.store,
      orchestrator,
      models,
      logger: options.logger,
      bus,
      tasks,
      limits,
      clock,
      metrics,
    },
    { draining: () => control.draining },
  );
  const alerts = options.alerts
    ? startAlertMonitor({
        store: options.store,
        file: options.alerts.file,
        budgets: models.registry?.config.budgets ?? { all: {}, agents: {} },
        logger: options.logger,
        metrics,
        clock,
        ...(options.alerts.intervalMs ? { intervalMs: options.alerts.intervalMs } : {}),
        ...(options.alerts.webhook ? { webhook: options.alerts.webhook } : {}),
      })
    : null;
  // Registered as a live process (heartbeating until stop), then accepted runs a killed process left behind
  // continue now, from their last checkpoint; runs another live process is executing are left to it.
  await orchestrator.owner.start("serve");
  tasks.track(orchestrator.resumeUnfinished());
  // A process that dies later leaves runs with a lease: they are taken over here once it expires.
  const reclaim = reclaimEvery(
    orchestrator.owner.leaseMs,
    () => (control.draining ? Promise.resolve() : tasks.track(orchestrator.resumeUnfinished())),
    options.logger,
  );
  const schedule = options.schedule
    ? startSchedule(
        selectPlays([]),
        async (play, tick) => {
          await tasks.track(orchestrator.play(play.name, { runKey: tick.toISOString() }));
        },
        options.logger,
      )
    : null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    async stop() {
      schedule?.stop();
      await alerts?.stop();
      control.requestDrain("stop");
      await reclaim.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await tasks.settled();
      await orchestrator.close();
      await flush();
      // Streams still open after their runs drained are ended so the listener can close.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}
