import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun, usageSummary } from "../../store/repos/llm-calls.ts";
import { CONTACT, finalAnswer, startHarness } from "./harness.ts";

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Scripts a two-step run: look the contact up, then submit; tokens differ per step so sums are checkable. */
function scriptTwoSteps(harness: Harness) {
  // The later step first: every request still carries the first user message.
  harness.mock.on(
    { toolCallId: "call_lookup" },
    {
      toolCalls: [{ id: "call_submit", name: "submit_result", arguments: JSON.stringify(finalAnswer()) }],
      usage: { prompt_tokens: 200, completion_tokens: 40 },
    },
  );
  harness.mock.on(
    { userMessage: "engage the new lead" },
    {
      content: "Looking up the contact.",
      toolCalls: [
        { id: "call_lookup", name: "lookup_contact", arguments: JSON.stringify({ email: CONTACT.email }) },
      ],
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    },
  );
}

describe.each([
  ["openai:mock-gpt", false],
  ["openai:mock-gpt", true],
  ["anthropic:mock-claude", false],
  ["anthropic:mock-claude", true],
] as const)("a multi-step tool-calling run on %s (streamed: %s)", (primary, stream) => {
  it("calls the agent's own tool, sends its result back as delimited data, and returns the submitted result", async () => {
    h = await startHarness({ primary, stream });
    scriptTwoSteps(h);

    const result = await h.run();

    expect(result.summary).toBe("Drafted a first touch to the CFO.");
    expect(result.artefact).toEqual({ note: "llm" });
    expect(result.proposals).toEqual(finalAnswer().proposals);
    expect(result).toMatchObject({ servedBy: { path: "primary", model: primary, reason: null } });

    const requests = h.mock
      .getRequests()
      .filter((r) => r.path.endsWith("/chat/completions") || r.path.endsWith("/messages"));
    expect(requests).toHaveLength(2);
    const second = JSON.stringify(requests[1]!.body);
    // The tool result reached the model inside <crm_data>, the injected instruction escaped as data.
    expect(second).toContain('crm_data source=\\"tool:lookup_contact\\"');
    expect(second).toContain(CONTACT.notes);
    expect(JSON.stringify(requests[0]!.body)).toContain("submit_result");
    if (stream) expect(h.tokens.join("")).toContain("Looking up the contact.");
    else expect(h.tokens).toEqual([]);
  });

  it("records each call in the ledger with the mock's tokens and the price table's cost", async () => {
    h = await startHarness({ primary, stream });
    scriptTwoSteps(h);
    await h.run();

    const rows = await llmCallsOfRun(h.store.db, "run-1");
    const price = primary === "openai:mock-gpt" ? { input: 2, output: 8 } : { input: 3, output: 15 };
    expect(rows.map((r) => [r.step, r.attempt, r.input_tokens, r.output_tokens, r.outcome])).toEqual([
      [1, 1, 120, 30, "ok"],
      [2, 1, 200, 40, "ok"],
    ]);
    // Hand-worked: tokens × USD per 1M tokens.
    expect(rows[0]!.cost_usd).toBeCloseTo((120 * price.input + 30 * price.output) / 1e6, 12);
    expect(rows[1]!.cost_usd).toBeCloseTo((200 * price.input + 40 * price.output) / 1e6, 12);
    const prompt = h.prompts["lead-engagement"];
    expect(rows[0]).toMatchObject({
      agent: "lead-engagement",
      provider: primary.split(":")[0],
      model: primary.split(":")[1],
      prompt_id: "lead-engagement",
      prompt_version: prompt.version,
      prompt_hash: prompt.hash,
      run_id: "run-1",
      thread_id: "thread-1",
      correlation_id: "corr-1",
      cached_tokens: 0,
    });
    const [byAgent] = await usageSummary(h.store.db, "agent");
    expect(byAgent).toEqual({
      key: "lead-engagement",
      calls: 2,
      attempts: 2,
      inputTokens: 320,
      outputTokens: 70,
      cachedTokens: 0,
      costUsd: (320 * price.input + 70 * price.output) / 1e6,
      unpricedCalls: 0,
    });
  });
});
