import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("one deadline per chat turn, with default settings", () => {
  it("answers from the playbook within 60 s when no provider ever answers, with no dead letter", async () => {
    // Default timeout, attempts, backoff, breaker and deadline: only the mock's address is configured.
    app = await startLlmApp({
      env: { GROWTH_LLM_TIMEOUT_MS: "", GROWTH_LLM_MAX_ATTEMPTS: "" },
      resilience: {},
    });
    // Both providers accept the request and never answer.
    app.mock.prependFixture({ match: { predicate: () => true }, response: () => new Promise(() => {}) });

    const started = Date.now();
    const outcome = await app.orchestrator.chat("why did webinar signups drop?", "conv-deadline");
    const elapsed = Date.now() - started;

    expect(outcome.status).not.toBe("failed");
    expect(outcome.answer).toBeTruthy();
    expect(elapsed).toBeLessThan(60_000);
    expect(outcome.route).toEqual(["marketing-analytics"]);
    expect(app.served).toEqual([
      { agent: "marketing-analytics", by: expect.objectContaining({ path: "playbook", model: "playbook" }) },
    ]);
    expect(await app.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
    // The aborted attempts are in the ledger: the router's and each agent path's, each a timeout.
    const rows = await llmCallsOfRun(app.db, outcome.runId);
    const timeouts = rows.filter((r) => r.error_code === "model_timeout");
    expect(new Set(timeouts.map((r) => r.agent))).toEqual(new Set(["supervisor", "marketing-analytics"]));
    expect(new Set(timeouts.map((r) => r.provider))).toEqual(new Set(["openai", "anthropic"]));
    expect(timeouts.every((r) => r.outcome === "error" && r.input_tokens === 0)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ provider: "playbook", outcome: "fallback" });
  }, 90_000);
});
