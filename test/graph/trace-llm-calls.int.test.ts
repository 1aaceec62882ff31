import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import { traceOf } from "../../runtime/queries/trace.ts";
import { apiReader } from "../../service/console/api.ts";
import { traceView } from "../../service/console/views/trace.ts";
import type { Store } from "../../store/db.ts";
import { recordLlmCall } from "../../store/repos/llm-calls.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;

beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { clock: () => FIXTURE_NOW });
});
afterEach(async () => cleanup());

describe("a trace's LLM calls", () => {
  it("lists each run's ledger rows with tokens and cost, and the console's trace page shows them with a total", async () => {
    const { runId } = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-llm"));
    // A rate-limited first attempt, then a priced second one, as the LLM runner's ledger records them.
    const call = (attempt: number, outcome: "error" | "ok", cost: number | null) =>
      recordLlmCall(store.db, {
        runId,
        threadId: null,
        correlationId: "corr-llm",
        agent: "lead-engagement",
        provider: "openai",
        model: "gpt-4o-mini",
        prompt: null,
        step: 1,
        attempt,
        usage: { input: 1200 * attempt, output: 300, cached: 0 },
        latencyMs: 850,
        costUsd: cost,
        outcome,
        errorCode: outcome === "error" ? "rate_limited" : null,
        at: FIXTURE_NOW,
      });
    await call(1, "error", null);
    await call(2, "ok", 0.0021);
    const trace = await traceOf(store, orchestrator.graph, "corr-llm");
    expect(trace.runs[0]!.llm_calls).toMatchObject([
      { attempt: 1, outcome: "error", error_code: "rate_limited", input_tokens: 1200, cost_usd: null },
      { attempt: 2, outcome: "ok", input_tokens: 2400, output_tokens: 300, cost_usd: 0.0021 },
    ]);

    // The page renders what the API answers; here the API is the same trace, served as JSON.
    const page = String(
      await traceView(
        apiReader(async () => new Response(JSON.stringify(trace), { status: 200 }), "Bearer x"),
        "corr-llm",
      ),
    );
    expect(page).toContain("<code>openai:gpt-4o-mini</code>");
    expect(page).toContain("<code>rate_limited</code>");
    expect(page).toMatch(
      /<th scope="row" colspan="4">Total<\/th><td class="num">3600<\/td><td class="num">600<\/td><td><\/td><td class="num">\$0\.0021<\/td>/,
    );
    expect(page).toContain("unknown"); // a call with no price is unknown, not free
  });
});
