import { ExponentialBackoff, handleAll, retry } from "cockatiel";
import type { AlertTransition } from "./monitor.ts";

/** Where and how alert transitions are POSTed. */
export interface WebhookTarget {
  readonly url: string;
  /** Total attempts per delivery (the first included). */
  readonly attempts: number;
  readonly timeoutMs: number;
  /** Backoff between attempts; short in tests. */
  readonly backoff?: { initialMs: number; maxMs: number };
}

/**
 * POSTs one raised or cleared alert as JSON; a non-2xx answer or a network error is retried with exponential
 * backoff and jitter up to the target's total attempts. Resolves false when every attempt failed (never throws).
 */
export async function deliverAlert(target: WebhookTarget, transition: AlertTransition): Promise<boolean> {
  const policy = retry(handleAll, {
    maxAttempts: target.attempts - 1, // cockatiel counts retries; we count total attempts
    backoff: new ExponentialBackoff({
      initialDelay: target.backoff?.initialMs ?? 500,
      maxDelay: target.backoff?.maxMs ?? 10_000,
    }),
  });
  try {
    await policy.execute(async function postAlert() {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "growth-engine-alerts" },
        body: JSON.stringify(transition),
        signal: AbortSignal.timeout(target.timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    });
    return true;
  } catch {
    return false;
  }
}
