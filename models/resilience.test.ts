import { CircuitState } from "cockatiel";
import { describe, expect, it } from "vitest";
import { SystemError } from "../domain/errors.ts";
import type { AttemptReport } from "./client.ts";
import {
  backoffDelay,
  providerBreaker,
  type ResilienceOptions,
  resilientClient,
  shouldRetry,
} from "./resilience.ts";
import { scriptedClient } from "./scripted-client.ts";

const options: ResilienceOptions = {
  timeoutMs: 1_000,
  maxAttempts: 3,
  backoff: { initialMs: 1, maxMs: 4, maxRetryAfterMs: 50 },
  breaker: { failures: 4, halfOpenAfterMs: 60_000 },
  random: () => 0.5,
};
const transient = (details = {}) =>
  new SystemError("model_unavailable", "down", {
    transient: true,
    details: { provider: "openai", ...details },
  });
const ok = { text: "hi", usage: { input: 3, output: 1, cached: 0 } };

describe("backoffDelay", () => {
  const wide = { ...options, backoff: { initialMs: 100, maxMs: 1_000, maxRetryAfterMs: 60_000 } };
  it("doubles per retry with equal jitter, capped, and never waits less than Retry-After", () => {
    expect(backoffDelay(1, null, { ...wide, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, null, { ...wide, random: () => 0.999999 })).toBeCloseTo(100, 3);
    expect(backoffDelay(3, null, { ...wide, random: () => 0 })).toBe(200);
    expect(backoffDelay(10, null, { ...wide, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, transient({ retryAfterMs: 3_000 }), wide)).toBe(3_000);
  });

  it("retries only transient errors that do not ask for a longer wait than allowed", () => {
    expect(shouldRetry(transient(), options)).toBe(true);
    expect(shouldRetry(transient({ retryAfterMs: 51 }), options)).toBe(false);
    expect(shouldRetry(new SystemError("model_auth_failed", "no"), options)).toBe(false);
    expect(shouldRetry(new Error("bug"), options)).toBe(false);
  });
});

describe("resilientClient", () => {
  it("counts total attempts: maxAttempts 3 means three calls, then the last error", async () => {
    const inner = scriptedClient([transient(), transient(), transient(), ok]);
    const reports: AttemptReport[] = [];
    const client = resilientClient(inner, providerBreaker(options), options);
    await expect(client.chat({ messages: [], onAttempt: (r) => void reports.push(r) })).rejects.toThrow(
      "down",
    );
    expect(inner.requests).toHaveLength(3);
    expect(reports.map((r) => [r.attempt, r.outcome, r.errorCode])).toEqual([
      [1, "error", "model_unavailable"],
      [2, "error", "model_unavailable"],
      [3, "error", "model_unavailable"],
    ]);
  });

  it("does not retry a permanent error", async () => {
    const inner = scriptedClient([new SystemError("model_auth_failed", "bad key"), ok]);
    const client = resilientClient(inner, providerBreaker(options), options);
    await expect(client.chat({ messages: [] })).rejects.toThrow("bad key");
    expect(inner.requests).toHaveLength(1);
  });

  it("opens the breaker after consecutive transient failures and then rejects without calling", async () => {
    const breaker = providerBreaker(options);
    const inner = scriptedClient([transient(), transient(), transient(), transient(), ok]);
    const client = resilientClient(inner, breaker, options);
    await expect(client.chat({ messages: [] })).rejects.toThrow("down");
    expect(breaker.state).toBe(CircuitState.Closed);
    await expect(client.chat({ messages: [] })).rejects.toMatchObject({ code: "provider_circuit_open" });
    expect(breaker.state).toBe(CircuitState.Open);
    expect(inner.requests).toHaveLength(4);
  });

  it("reports usage of the successful attempt", async () => {
    const reports: AttemptReport[] = [];
    const client = resilientClient(scriptedClient([transient(), ok]), providerBreaker(options), options);
    const response = await client.chat({ messages: [], onAttempt: (r) => void reports.push(r) });
    expect(response.text).toBe("hi");
    expect(reports[1]).toMatchObject({ attempt: 2, outcome: "ok", usage: ok.usage });
  });
});
