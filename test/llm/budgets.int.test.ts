import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { modelRequests } from "../contract/scripts.ts";
import { growth } from "../helpers/cli.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("token and money budgets", () => {
  it("a run budget of 1,000 tokens: once spent, the agent falls back to its playbook with budget_exhausted", async () => {
    app = await startLlmApp({ env: { GROWTH_BUDGET_RUN_TOKENS: "1000" } });
    // A runaway model: it keeps looking the lead up, 900 + 200 tokens a call.
    app.mock.on(
      { userMessage: "ana.lopez", toolName: "crm_lead_context" },
      {
        toolCalls: [
          {
            id: "call_ctx",
            name: "crm_lead_context",
            arguments: JSON.stringify({ email: "ana.lopez@acme.com" }),
          },
        ],
        usage: { prompt_tokens: 900, completion_tokens: 200 },
      },
    );

    const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-budget"));

    expect(outcome.status).toBe("completed");
    expect(app.served).toEqual([
      { agent: "lead-engagement", by: { path: "playbook", model: "playbook", reason: "budget_exhausted" } },
    ]);
    expect(modelRequests(app.mock)).toHaveLength(1); // no second call, and none on the secondary
    const rows = await llmCallsOfRun(app.db, outcome.runId);
    expect(rows.map((r) => [r.provider, r.outcome, r.error_code, r.input_tokens + r.output_tokens])).toEqual([
      ["openai", "ok", null, 1_100],
      ["playbook", "fallback", "budget_exhausted", 0],
    ]);
  });

  it("a budget or deadline setting that is not a positive number exits 2 naming the setting", () => {
    for (const [name, value] of [
      ["GROWTH_BUDGET_DAY_USD", "-1"],
      ["GROWTH_BUDGET_RUN_TOKENS", "lots"],
      ["GROWTH_RUN_DEADLINE_MS", "0"],
    ] as const) {
      const result = growth(["ask", "hello"], {
        env: { GROWTH_MODEL: "openai:gpt-4o-mini", OPENAI_API_KEY: "k", [name]: value },
      });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`${name}="${value}" must be a positive number`);
    }
  }, 180_000);
});
