import { CircuitState } from "cockatiel";
import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { startHarness } from "./harness.ts";
import { breakModel, modelRequests, scriptTwoSteps } from "./scripts.ts";

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const outcomes = async (harness: Harness) =>
  (await llmCallsOfRun(harness.store.db, "run-1")).map((r) => [
    `${r.provider}:${r.model}`,
    r.step,
    r.attempt,
    r.outcome,
    r.error_code,
  ]);

describe("retries", () => {
  it("waits out a 429's Retry-After, retries, and succeeds", async () => {
    h = await startHarness();
    scriptTwoSteps(h.mock);
    h.mock.nextRequestError(429, { message: "slow down", type: "rate_limit_error" });

    const started = performance.now();
    const result = await h.run();
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({ servedBy: { path: "primary" } });
    expect(elapsed).toBeGreaterThanOrEqual(990); // aimock sends Retry-After: 1 (second); backoff alone is ≤ 40 ms
    expect(modelRequests(h.mock)).toHaveLength(3);
    expect(await outcomes(h)).toEqual([
      ["openai:mock-gpt", 1, 1, "error", "model_rate_limited"],
      ["openai:mock-gpt", 1, 2, "ok", null],
      ["openai:mock-gpt", 2, 1, "ok", null],
    ]);
  });

  it.each(["openai:mock-gpt", "anthropic:mock-claude"])(
    "retries a 500 on %s and succeeds",
    async (primary) => {
      h = await startHarness({ primary });
      scriptTwoSteps(h.mock);
      h.mock.nextRequestError(500, { message: "boom", type: "server_error" });

      const result = await h.run();

      expect(result).toMatchObject({ servedBy: { path: "primary", reason: null } });
      expect(await outcomes(h)).toEqual([
        [primary, 1, 1, "error", "model_unavailable"],
        [primary, 1, 2, "ok", null],
        [primary, 2, 1, "ok", null],
      ]);
    },
  );

  it("times out a call that hangs, then retries", async () => {
    h = await startHarness({ timeoutMs: 300 });
    scriptTwoSteps(h.mock);
    h.mock.prependFixture({
      match: { userMessage: "engage the new lead", sequenceIndex: 0 },
      response: { content: "too late" },
      chaos: { latencyMs: 2_000 },
    });

    const result = await h.run();

    expect(result.summary).toBe("Drafted a first touch to the CFO.");
    expect((await outcomes(h))[0]).toEqual(["openai:mock-gpt", 1, 1, "error", "model_timeout"]);
  });

  it("stops after the total attempts and falls back", async () => {
    h = await startHarness({ maxAttempts: 2 });
    scriptTwoSteps(h.mock);
    breakModel(h.mock, "mock-gpt", 500);

    const result = await h.run();

    expect(result).toMatchObject({ servedBy: { path: "secondary", model: "anthropic:mock-claude" } });
    expect(modelRequests(h.mock).filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(2);
  });
});

describe("circuit breaker and fallback chain", () => {
  it("opens the broken provider's breaker and serves from the secondary provider", async () => {
    h = await startHarness({ breakerFailures: 2, maxAttempts: 3 });
    scriptTwoSteps(h.mock);
    breakModel(h.mock, "mock-gpt");

    const first = await h.run();
    expect(first).toMatchObject({
      servedBy: { path: "secondary", model: "anthropic:mock-claude", reason: "provider_circuit_open" },
    });
    expect(h.registry.breaker("openai").state).toBe(CircuitState.Open);
    expect(h.registry.breaker("anthropic").state).toBe(CircuitState.Closed);

    const before = modelRequests(h.mock).length;
    const second = await h.run();
    expect(second).toMatchObject({ servedBy: { path: "secondary", reason: "provider_circuit_open" } });
    // With the breaker open, nothing more was sent to OpenAI: only the two Anthropic steps.
    expect(
      modelRequests(h.mock)
        .slice(before)
        .map((r) => r.path),
    ).toEqual(["/v1/messages", "/v1/messages"]);

    const rows = await outcomes(h);
    expect(rows.slice(0, 3)).toEqual([
      ["openai:mock-gpt", 1, 1, "error", "model_unavailable"],
      ["openai:mock-gpt", 1, 2, "error", "model_unavailable"],
      ["openai:mock-gpt", 1, 3, "rejected", "provider_circuit_open"],
    ]);
    expect(rows.filter((r) => r[3] === "rejected")).toHaveLength(2);
  });

  it("falls back to the playbook when both providers fail, and records the path", async () => {
    h = await startHarness({ maxAttempts: 2 });
    breakModel(h.mock, "mock-gpt");
    breakModel(h.mock, "mock-claude", 529);

    const result = await h.run();

    expect(result).toMatchObject({
      summary: "playbook ran",
      artefact: { note: "playbook" },
      servedBy: { path: "playbook", model: "playbook", reason: "model_unavailable" },
    });
    expect(await outcomes(h)).toEqual([
      ["openai:mock-gpt", 1, 1, "error", "model_unavailable"],
      ["openai:mock-gpt", 1, 2, "error", "model_unavailable"],
      ["anthropic:mock-claude", 1, 1, "error", "model_unavailable"],
      ["anthropic:mock-claude", 1, 2, "error", "model_unavailable"],
      ["playbook:playbook", 0, 0, "fallback", "model_unavailable"],
    ]);
  });
});
