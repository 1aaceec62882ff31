import type { Logger } from "pino";
import type { Budgets } from "../../models/budgets.ts";
import type { Store } from "../../store/db.ts";
import { type AlertState, alertStates } from "../../store/queries/alert-facts.ts";
import { appendEvents } from "../../store/repos/events.ts";
import type { Metrics } from "../metrics.ts";
import type { AlertsFile } from "./config.ts";
import { type AlertReading, evaluateAlerts } from "./evaluate.ts";
import { deliverAlert, type WebhookTarget } from "./webhook.ts";

/** An alert that started or stopped firing: the event written and the body a webhook receives. */
export interface AlertTransition {
  readonly event: "alert_raised" | "alert_cleared";
  readonly alert: string;
  readonly type: string;
  readonly value: number | null;
  readonly threshold: number;
  readonly message: string;
  readonly at: string;
}

/** What one evaluation found: every reading, the transitions it recorded, and the alerts firing now. */
export interface AlertCheck {
  readonly readings: readonly AlertReading[];
  readonly transitions: readonly AlertTransition[];
  readonly firing: readonly AlertReading[];
}

/** What evaluating needs: the store, the alerts file, the day budgets, and where deliveries and gauges go. */
export interface AlertDeps {
  readonly store: Store;
  readonly file: AlertsFile;
  readonly budgets: Budgets;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** Overrides the file's webhook (tests shorten its backoff). */
  readonly webhook?: WebhookTarget;
}

/**
 * Evaluates every alert at `now`, records a change of state as an `alert_raised` / `alert_cleared` event (keyed
 * by the alert and its previous state change, so two processes evaluating at once record it once), and POSTs each
 * change to the webhook, if any. A webhook that stays down is logged and counted, never thrown.
 */
export async function checkAlerts(deps: AlertDeps, now: Date): Promise<AlertCheck> {
  const readings = await evaluateAlerts(deps.store, deps.file.alerts, now, deps.budgets);
  const states = new Map((await alertStates(deps.store.db)).map((s) => [s.id, s]));
  const transitions: AlertTransition[] = [];
  for (const r of readings) {
    const before: AlertState | undefined = states.get(r.id);
    const active = before?.state === "raised";
    if (r.firing === active) continue;
    const event = r.firing ? "alert_raised" : "alert_cleared";
    const transition: AlertTransition = {
      event,
      alert: r.id,
      type: r.type,
      value: r.value,
      threshold: r.threshold,
      message: r.message,
      at: now.toISOString(),
    };
    const written = await appendEvents(deps.store.db, [
      {
        id: `alert:${r.id}:${event}:after:${before?.seq ?? 0}`,
        type: event,
        entityType: "alert",
        entityId: r.id,
        correlationId: `alert:${r.id}`,
        causationId: null,
        source: "alerts",
        payload: transition as unknown as Record<string, unknown>,
        occurredAt: now,
      },
    ]);
    if (written > 0) transitions.push(transition); // another process recorded it first: it delivers it
  }
  for (const r of readings) deps.metrics?.alerts.active.set({ alert: r.id }, r.firing ? 1 : 0);
  const target = deps.webhook ?? webhookOf(deps.file);
  if (target)
    for (const t of transitions) {
      if (await deliverAlert(target, t)) continue;
      deps.metrics?.alerts.webhookFailures.inc({ alert: t.alert });
      deps.logger?.warn({ alert: t.alert, event: t.event }, "alert webhook failed after its retries");
    }
  return { readings, transitions, firing: readings.filter((r) => r.firing) };
}

function webhookOf(file: AlertsFile): WebhookTarget | null {
  return file.webhook
    ? { url: file.webhook.url, attempts: file.webhook.attempts, timeoutMs: file.webhook.timeout_ms }
    : null;
}

/**
 * Evaluates the alerts every `interval_seconds` in the background (`growth serve`, a worker); one check at a time,
 * on a timer that never keeps the process alive. `stop()` waits for a check in progress.
 */
export function startAlertMonitor(deps: AlertDeps & { clock?: () => Date; intervalMs?: number }) {
  const clock = deps.clock ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = checkAlerts(deps, clock())
      .catch((error: unknown) => deps.logger?.error({ err: error }, "alert check failed"))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, deps.intervalMs ?? deps.file.interval_seconds * 1_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
