import { CircuitState } from "cockatiel";
import { afterEach, describe, expect, it } from "vitest";
import { createModelRegistry } from "../../models/factory.ts";
import { storePersistence } from "../../runtime/reliability/store-persistence.ts";
import { loadReliabilityState } from "../../store/repos/reliability-state.ts";
import { breakModel } from "../contract/scripts.ts";
import { growthAsync } from "../helpers/cli.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("breaker state lives in the store", () => {
  it("`growth health` in a fresh process shows the provider breaker an earlier process opened", async () => {
    app = await startLlmApp({
      resilience: {
        maxAttempts: 1,
        backoff: { initialMs: 5, maxMs: 20, maxRetryAfterMs: 1_000 },
        breaker: { failures: 2, halfOpenAfterMs: 600_000 },
      },
    });
    breakModel(app.mock, "mock-gpt");
    breakModel(app.mock, "mock-claude");
    for (const i of [1, 2]) {
      const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", `down-${i}`));
      expect(outcome.status).toBe("completed");
    }
    await app.flush();

    const result = await growthAsync(["health", "--json"], { env: { GROWTH_DB: app.store.location } });

    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { providers: { provider: string; breaker: string }[] };
    expect(report.providers).toEqual([
      expect.objectContaining({ provider: "anthropic", breaker: "open" }),
      expect.objectContaining({ provider: "openai", breaker: "open" }),
    ]);
    // A process that starts now builds its provider breakers open, before it makes any call.
    const saved = await loadReliabilityState(app.db);
    const next = createModelRegistry(app.models.registry!.config, {}, storePersistence(app.store, saved));
    expect(next.breaker("openai").state).toBe(CircuitState.Open);
  }, 60_000);
});
