import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadPrompts } from "../../prompts/load.ts";
import { brief } from "../../runtime/commands/runs.ts";
import { usageLine } from "../../runtime/render.ts";
import { llmCallsOfRun, usageSummary } from "../../store/repos/llm-calls.ts";
import { breakModel } from "../contract/scripts.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp, submission, touch } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Scripts lead-engagement for ana: look her up (120 in / 30 out), then submit one touch (200 in / 40 out). */
function scriptAna(mock: App["mock"]) {
  mock.on(
    { toolCallId: "call_ctx" },
    {
      toolCalls: [
        {
          id: "call_submit",
          name: "submit_result",
          arguments: JSON.stringify(
            submission("Drafted an intro to Ana.", [touch("ana.lopez@acme.com", "acme.com")]),
          ),
        },
      ],
      usage: { prompt_tokens: 200, completion_tokens: 40 },
    },
  );
  mock.on(
    { userMessage: "ana.lopez", toolName: "crm_lead_context" },
    {
      content: "Looking Ana up.",
      toolCalls: [
        {
          id: "call_ctx",
          name: "crm_lead_context",
          arguments: JSON.stringify({ email: "ana.lopez@acme.com" }),
        },
      ],
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    },
  );
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("ledger figures for a graph run", () => {
  it("records one row per model call with the mock's usage and the price table's cost", async () => {
    app = await startLlmApp();
    scriptAna(app.mock);

    const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-ledger"));

    expect(outcome.status).toBe("completed");
    expect(await app.outbox()).toHaveLength(1);
    const rows = await llmCallsOfRun(app.db, outcome.runId);
    const hash = loadPrompts()["lead-engagement"].hash;
    // mock-gpt costs $2 / 1M input and $8 / 1M output: 120·2 + 30·8 = 480 µ$; 200·2 + 40·8 = 720 µ$.
    expect(
      rows.map((r) => [
        r.agent,
        `${r.provider}:${r.model}`,
        r.prompt_id,
        r.prompt_hash,
        r.step,
        r.attempt,
        r.input_tokens,
        r.output_tokens,
        r.cached_tokens,
        r.cost_usd,
        r.outcome,
        r.correlation_id,
      ]),
    ).toEqual([
      [
        "lead-engagement",
        "openai:mock-gpt",
        "lead-engagement",
        hash,
        1,
        1,
        120,
        30,
        0,
        0.00048,
        "ok",
        "corr-ledger",
      ],
      [
        "lead-engagement",
        "openai:mock-gpt",
        "lead-engagement",
        hash,
        2,
        1,
        200,
        40,
        0,
        0.00072,
        "ok",
        "corr-ledger",
      ],
    ]);
    const usage = await usageSummary(app.db, "model", { runId: outcome.runId });
    expect(usage).toEqual([
      {
        key: "openai:mock-gpt",
        calls: 2,
        attempts: 2,
        inputTokens: 320,
        outputTokens: 70,
        cachedTokens: 0,
        costUsd: 0.0012,
        unpricedCalls: 0,
      },
    ]);
    expect(usageLine(usage)).toBe("2 LLM calls · 320 in (0 cached) / 70 out tokens · $0.001200");
    // The model's text streamed to the token hook as it arrived.
    expect(app.tokens.map((t) => t.token).join("")).toBe("Looking Ana up.");
    expect(new Set(app.tokens.map((t) => t.agent))).toEqual(new Set(["lead-engagement"]));
  });

  it("routes chat with one LLM call keyed to the run, then runs the routed agent", async () => {
    app = await startLlmApp();
    app.mock.on(
      { toolName: "route_request" },
      {
        toolCalls: [
          {
            id: "call_route",
            name: "route_request",
            arguments: JSON.stringify({ agents: ["lead-engagement"], reason: "Outreach to a lead." }),
          },
        ],
        usage: { prompt_tokens: 300, completion_tokens: 20 },
      },
    );
    scriptAna(app.mock);

    const outcome = await app.orchestrator.chat("start outreach for ana.lopez@acme.com", "conv-1");

    expect(outcome.route).toEqual(["lead-engagement"]);
    const rows = await llmCallsOfRun(app.db, outcome.runId);
    expect(rows.map((r) => [r.agent, r.input_tokens, r.output_tokens, r.cost_usd])).toEqual([
      ["supervisor", 300, 20, 0.00076], // 300·2 + 20·8 = 760 µ$
      ["lead-engagement", 120, 30, 0.00048],
      ["lead-engagement", 200, 40, 0.00072],
    ]);
    expect(app.steps.slice(0, 2)).toEqual(["supervisor", "lead-engagement"]);
  });
});

describe("a provider failing for good", () => {
  it("completes the run on the playbook and records servedBy playbook in the event and the trace line", async () => {
    app = await startLlmApp();
    breakModel(app.mock, "mock-gpt", 500);
    breakModel(app.mock, "mock-claude", 529);

    const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-down"));

    // The playbook's behaviour, unchanged: one guarded first touch to Ana in the outbox.
    expect(outcome.status).toBe("completed");
    expect(outcome.errors).toEqual([]);
    const sent = await app.outbox();
    expect(sent.map((r) => [r.action_type, r.status])).toEqual([["send_touch", "sent"]]);
    const [done] = await app.events("corr-down", "agent_completed");
    expect(done!.payload.servedBy).toEqual({
      path: "playbook",
      model: "playbook",
      reason: "model_unavailable",
    });
    expect(brief(done!.payload)).toMatch(
      /\[served by playbook \(models failed: the provider kept failing \(5xx\) after retries \[model_unavailable\]\)\]$/,
    );
    const rows = await llmCallsOfRun(app.db, outcome.runId);
    // Two attempts per provider (GROWTH_LLM_MAX_ATTEMPTS=2), then the fallback marker.
    expect(rows.map((r) => [`${r.provider}:${r.model}`, r.attempt, r.outcome, r.error_code])).toEqual([
      ["openai:mock-gpt", 1, "error", "model_unavailable"],
      ["openai:mock-gpt", 2, "error", "model_unavailable"],
      ["anthropic:mock-claude", 1, "error", "model_unavailable"],
      ["anthropic:mock-claude", 2, "error", "model_unavailable"],
      ["playbook:playbook", 0, "fallback", "model_unavailable"],
    ]);
    // Failed calls cost nothing; the fallback marker is not a call.
    expect(await usageSummary(app.db, "agent", { runId: outcome.runId })).toEqual([
      {
        key: "lead-engagement",
        calls: 0,
        attempts: 4,
        inputTokens: 0,
        outputTokens: 0,
        cachedTokens: 0,
        costUsd: 0,
        unpricedCalls: 0,
      },
    ]);
  });

  it("a provider that is not reachable fails fast to the playbook with a clear reason, not a hang", async () => {
    const port = await closedPort();
    app = await startLlmApp({
      env: { OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, GROWTH_FALLBACK_MODEL: "playbook" },
    });

    const started = performance.now();
    const outcome = await app.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-unreach"));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outcome.status).toBe("completed");
    expect(app.served).toEqual([
      { agent: "lead-engagement", by: { path: "playbook", model: "playbook", reason: "model_unreachable" } },
    ]);
    const [done] = await app.events("corr-unreach", "agent_completed");
    expect(brief(done!.payload)).toContain("the provider is not reachable");
  });
});
