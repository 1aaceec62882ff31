import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { MOCK_PRICES } from "../contract/harness.ts";
import { modelRequests } from "../contract/scripts.ts";
import { growthAsync } from "../helpers/cli.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Routes every chat turn to lead-engagement, on either provider. */
function routeToLeadEngagement(mock: App["mock"]) {
  mock.on(
    { toolName: "route_request" },
    {
      toolCalls: [
        {
          id: "call_route",
          name: "route_request",
          arguments: JSON.stringify({ agents: ["lead-engagement"], reason: "A follow-up to a lead." }),
        },
      ],
    },
  );
}

describe("output failures fall back: repair once per step, then the secondary, then the playbook", () => {
  it("bad tool arguments on every call: `growth ask --json` shows playbook served it and why", async () => {
    app = await startLlmApp();
    routeToLeadEngagement(app.mock);
    // Every agent call, on both providers, asks for a tool with arguments that are not valid JSON.
    app.mock.on(
      { toolName: "crm_lead_context" },
      { toolCalls: [{ id: "call_bad", name: "crm_lead_context", arguments: '{"email": ' }] },
    );
    const models = join(app.store.location, "..", "cli-models.json");
    writeFileSync(models, JSON.stringify({ prices: MOCK_PRICES, maxSteps: 4 }));

    const result = await growthAsync(["ask", "--json", "draft a follow-up to ana.lopez@acme.com"], {
      env: {
        GROWTH_DB: app.store.location,
        GROWTH_MODEL: "openai:mock-gpt",
        GROWTH_FALLBACK_MODEL: "anthropic:mock-claude",
        OPENAI_API_KEY: "test-key",
        OPENAI_BASE_URL: `${app.mock.url}/v1`,
        ANTHROPIC_API_KEY: "test-key",
        ANTHROPIC_BASE_URL: app.mock.url,
        GROWTH_MODELS_FILE: models,
      },
    });

    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json.status).not.toBe("failed");
    expect(json.route).toEqual(["lead-engagement"]);
    expect(json.served_by).toEqual({
      "lead-engagement": { path: "playbook", model: "playbook", reason: "model_output_invalid" },
    });
    expect(json.router).toEqual({
      path: "primary",
      via: "llm:openai:mock-gpt",
      reason: "A follow-up to a lead.",
    });
    // Each provider got the call and its one repair; the second mistake in a row moved on.
    const agentCalls = modelRequests(app.mock).filter((r) =>
      JSON.stringify(r.body).includes("crm_lead_context"),
    );
    expect(agentCalls.map((r) => (r.path.endsWith("/messages") ? "anthropic" : "openai"))).toEqual([
      "openai",
      "openai",
      "anthropic",
      "anthropic",
    ]);
    expect(await app.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
    const rows = await llmCallsOfRun(app.db, String(json.run_id));
    expect(rows.filter((r) => r.agent === "lead-engagement").map((r) => [r.provider, r.outcome])).toEqual([
      ["openai", "repaired"],
      ["openai", "invalid"],
      ["anthropic", "repaired"],
      ["anthropic", "invalid"],
      ["playbook", "fallback"],
    ]);
  }, 90_000);

  it("a model that only ever answers in text: the event run completes from the playbook, no dead letter", async () => {
    app = await startLlmApp();
    app.mock.on(
      { predicate: (req) => JSON.stringify(req.messages).includes("ana.lopez") },
      { content: "I would email Ana about her pipeline." },
    );

    const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-text"));

    expect(outcome.status).toBe("completed");
    expect(app.served).toEqual([
      {
        agent: "lead-engagement",
        by: { path: "playbook", model: "playbook", reason: "model_output_invalid" },
      },
    ]);
    expect(await app.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
    // The repair of a text answer asks for the providers' native structured output: OpenAI a strict
    // json_schema response format (lead-engagement's submit schema fits strict mode); Anthropic forced tool use.
    const requests = modelRequests(app.mock);
    const openai = requests.filter((r) => r.path.endsWith("/chat/completions"));
    expect(openai[1]!.body).toMatchObject({
      tool_choice: "none",
      response_format: { type: "json_schema", json_schema: { name: "submit_result", strict: true } },
    });
  });
});
