import { describe, expect, it } from "vitest";
import { formatUsd, liveProgress, servedByText, sumUsage } from "./render.ts";

describe("servedByText", () => {
  it("names the model, or the fallback and why in words", () => {
    expect(servedByText({ path: "primary", model: "openai:gpt-4o-mini", reason: null })).toBe(
      "openai:gpt-4o-mini",
    );
    expect(
      servedByText({
        path: "secondary",
        model: "anthropic:claude-haiku-4-5",
        reason: "provider_circuit_open",
      }),
    ).toBe(
      "anthropic:claude-haiku-4-5 (secondary: the provider's circuit breaker is open after repeated failures [provider_circuit_open])",
    );
    expect(servedByText({ path: "playbook", model: "playbook", reason: "model_timeout" })).toBe(
      "playbook (models failed: the provider did not answer in time (GROWTH_LLM_TIMEOUT_MS) [model_timeout])",
    );
    expect(servedByText({ path: "playbook", model: "playbook", reason: "weird_code" })).toBe(
      "playbook (models failed: weird_code)",
    );
    expect(servedByText({ path: "playbook", model: "playbook", reason: null })).toBe("playbook");
  });
});

describe("formatUsd and sumUsage", () => {
  it("shows small costs to a millionth of a dollar and larger ones to a ten-thousandth", () => {
    expect([0, 0.00048, 0.0099999, 0.01, 12.34567].map(formatUsd)).toEqual([
      "$0",
      "$0.000480",
      "$0.010000",
      "$0.0100",
      "$12.3457",
    ]);
  });
  it("adds lines without float noise", () => {
    const line = (costUsd: number) => ({
      key: "k",
      calls: 1,
      attempts: 2,
      inputTokens: 10,
      outputTokens: 2,
      cachedTokens: 1,
      costUsd,
      unpricedCalls: 0,
    });
    expect(sumUsage([line(0.1), line(0.2)])).toEqual({
      key: "total",
      calls: 2,
      attempts: 4,
      inputTokens: 20,
      outputTokens: 4,
      cachedTokens: 2,
      costUsd: 0.3,
      unpricedCalls: 0,
    });
  });
});

describe("liveProgress", () => {
  it("streams tokens under the agent, ends the line at the next step, and names the serving path", () => {
    let out = "";
    const live = liveProgress((t) => {
      out += t;
    });
    live.step("supervisor");
    live.token("lead-engagement", "Look");
    live.token("lead-engagement", "ing up.");
    live.served("lead-engagement", { path: "primary", model: "openai:gpt-4o-mini", reason: null });
    live.step("lead-engagement");
    live.step("conflict_guard");
    live.token("deal-closer", "Hi");
    live.step("__error_handler__deal-closer");
    live.end();
    live.end();
    expect(out).toBe(
      [
        "  · routing",
        "  lead-engagement> Looking up.",
        "  · lead-engagement — openai:gpt-4o-mini",
        "  · checking conflicts",
        "  deal-closer> Hi",
        "  · deal-closer failed",
        "",
      ].join("\n"),
    );
  });
});
