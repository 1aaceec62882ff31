import { afterEach, describe, expect, it } from "vitest";
import { llmChatRouter } from "../../graph/llm-chat-router.ts";
import { llmCallsOfRun, recordLlmCall } from "../../store/repos/llm-calls.ts";
import { startHarness, testAgent } from "./harness.ts";
import { breakModel, modelRequests } from "./scripts.ts";

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const dealCloser = { ...testAgent, id: "deal-closer" as const, description: "Works late-stage deals." };
const matcher = async () => ({ agents: ["lead-engagement" as const], reason: "matched", via: "matcher" });

function router(harness: Harness) {
  return llmChatRouter(harness.registry.router()!, matcher, {
    agents: [testAgent, dealCloser],
    prompt: harness.prompts.supervisor,
    prices: harness.config.prices,
    ledger: (call) => recordLlmCall(harness.store.db, call),
    context: () => ({ runId: "run-1", threadId: "thread-1", correlationId: "corr-1" }),
  });
}

const route = (args: unknown) => ({
  toolCalls: [{ id: "call_route", name: "route_request", arguments: JSON.stringify(args) }],
  usage: { prompt_tokens: 300, completion_tokens: 20 },
});

describe.each(["openai:mock-gpt", "anthropic:mock-claude"])("the LLM chat router on %s", (primary) => {
  it("routes with one forced structured-output call and records it", async () => {
    h = await startHarness({ primary });
    h.mock.on(
      { userMessage: "Acme's CFO" },
      route({ agents: ["deal-closer"], reason: "A late-stage deal." }),
    );

    const result = await router(h)("draft a follow-up to Acme's CFO");

    expect(result).toEqual({ agents: ["deal-closer"], reason: "A late-stage deal.", via: `llm:${primary}` });
    const requests = modelRequests(h.mock);
    expect(requests).toHaveLength(1);
    const body = requests[0]!.body as { tool_choice?: unknown; tools?: { function: { name: string } }[] };
    expect(body.tools?.map((t) => t.function.name)).toEqual(["route_request"]);
    // aimock's journal keeps OpenAI's tool_choice; it normalises Anthropic requests without it.
    if (primary.startsWith("openai")) {
      expect(body.tool_choice).toEqual({ type: "function", function: { name: "route_request" } });
    }
    const rows = await llmCallsOfRun(h.store.db, "run-1");
    expect(rows.map((r) => [r.agent, r.prompt_id, r.input_tokens, r.output_tokens, r.outcome])).toEqual([
      ["supervisor", "supervisor", 300, 20, "ok"],
    ]);
  });

  it("falls back to the matcher when the model names an agent it may not pick", async () => {
    h = await startHarness({ primary });
    h.mock.on({ userMessage: "Acme's CFO" }, route({ agents: ["campaign-planner"], reason: "?" }));

    const result = await router(h)("draft a follow-up to Acme's CFO");

    expect(result).toEqual({
      agents: ["lead-engagement"],
      reason: "matched",
      via: "matcher (fallback: the model failed (route_invalid))",
    });
    expect((await llmCallsOfRun(h.store.db, "run-1")).map((r) => r.outcome)).toEqual(["invalid"]);
  });

  it("falls back to the matcher when the provider keeps failing", async () => {
    h = await startHarness({ primary, maxAttempts: 2 });
    breakModel(h.mock, primary.split(":")[1]!);

    const result = await router(h)("draft a follow-up to Acme's CFO");

    expect(result.via).toBe("matcher (fallback: the model failed (model_unavailable))");
    expect(modelRequests(h.mock)).toHaveLength(2);
  });
});
