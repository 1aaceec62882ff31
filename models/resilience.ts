import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  TimeoutStrategy,
  timeout,
} from "cockatiel";
import { GrowthError, SystemError } from "../domain/errors.ts";
import type { ChatClient, ChatRequest, ChatResponse } from "./client.ts";
import { classifyProviderError } from "./errors.ts";

/** Timeouts, total attempts, backoff and breaker settings of the resilient client. */
export interface ResilienceOptions {
  readonly timeoutMs: number;
  /** Total attempts per call, the first one included. */
  readonly maxAttempts: number;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number; readonly maxRetryAfterMs: number };
  readonly breaker: { readonly failures: number; readonly halfOpenAfterMs: number };
  /** An attempt is not started with less time than this left before the request's deadline. */
  readonly minAttemptMs?: number;
  /** For tests: a source of jitter in [0, 1). */
  readonly random?: () => number;
}

/** Whether a failure is worth another attempt: transient, and not asking us to wait longer than we will. */
export function shouldRetry(error: unknown, options: ResilienceOptions): boolean {
  if (!(error instanceof GrowthError) || error.errorClass !== "transient") return false;
  const wait = retryAfterMs(error);
  return wait === null || wait <= options.backoff.maxRetryAfterMs;
}

/** The pause before retry `attempt` (1 = first retry): exponential with equal jitter, at least Retry-After. */
export function backoffDelay(attempt: number, error: unknown, options: ResilienceOptions): number {
  const { initialMs, maxMs } = options.backoff;
  const ceiling = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2);
  return Math.max(jittered, retryAfterMs(error) ?? 0);
}

/** One provider's circuit breaker (closed, open, half-open), shared by every client of that provider. */
export function providerBreaker(options: ResilienceOptions, initialState?: unknown): CircuitBreakerPolicy {
  return circuitBreaker(
    handleWhen((e) => e instanceof GrowthError && e.errorClass === "transient"),
    {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.failures),
      ...(initialState !== undefined ? { initialState } : {}),
    },
  );
}

/** Wraps a client with a timeout per attempt, retries with backoff, and the provider's breaker. */
export function resilientClient(
  inner: ChatClient,
  breaker: CircuitBreakerPolicy,
  options: ResilienceOptions,
): ChatClient {
  const { provider, model } = inner;
  const minAttemptMs = options.minAttemptMs ?? 1_000;

  return {
    provider,
    model,
    async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
      const deadline = request.deadlineAt ?? Number.POSITIVE_INFINITY;
      const left = () => deadline - Date.now();
      // Attempts, their timeouts and the pauses between them all fit inside the request's deadline.
      const retryPolicy = retry(
        handleWhen((e) => shouldRetry(e, options)),
        {
          maxAttempts: options.maxAttempts - 1, // cockatiel counts retries; we count total attempts
          backoff: new DelegateBackoff((ctx) =>
            Math.max(
              0,
              Math.min(
                backoffDelay(ctx.attempt, "error" in ctx.result ? ctx.result.error : null, options),
                left() - minAttemptMs,
              ),
            ),
          ),
        },
      );
      let attempt = 0;
      const report = async (
        started: number,
        outcome: "ok" | "error" | "rejected",
        rest: Partial<ReportRest>,
      ) => {
        await request.onAttempt?.({
          provider,
          model,
          attempt,
          latencyMs: Math.round(performance.now() - started),
          usage: rest.usage ?? null,
          outcome,
          errorCode: rest.errorCode ?? null,
        });
      };
      const once = async (): Promise<ChatResponse> => {
        const started = performance.now();
        try {
          const ms = Math.max(1, Math.min(options.timeoutMs, left()));
          const response = await timeout(ms, TimeoutStrategy.Aggressive).execute(({ signal: s }) =>
            inner.chat(request, s),
          );
          await report(started, "ok", { usage: response.usage });
          return response;
        } catch (error) {
          const classified = classifyProviderError(error, provider, model);
          await report(started, "error", { errorCode: classified.code });
          throw classified;
        }
      };
      return retryPolicy.execute(async () => {
        attempt += 1;
        const started = performance.now();
        if (left() < minAttemptMs) {
          await report(started, "rejected", { errorCode: "model_deadline_exceeded" });
          throw new SystemError(
            "model_deadline_exceeded",
            `No time is left in the run's deadline for another call to ${provider}:${model}; the next fallback answers. Raise GROWTH_RUN_DEADLINE_MS for slow models.`,
            { details: { provider, model } },
          );
        }
        try {
          return await breaker.execute(once);
        } catch (error) {
          if (!(error instanceof BrokenCircuitError)) throw error;
          await report(started, "rejected", { errorCode: "provider_circuit_open" });
          throw new SystemError(
            "provider_circuit_open",
            `${provider} failed repeatedly and is paused; calls resume after a cool-down.`,
            { cause: error, details: { provider, model } },
          );
        }
      }, signal);
    },
  };
}

interface ReportRest {
  usage: ChatResponse["usage"];
  errorCode: string;
}

function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof GrowthError)) return null;
  const value = error.details.retryAfterMs;
  return typeof value === "number" ? value : null;
}
