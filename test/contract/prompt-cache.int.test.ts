import { LLMock } from "@copilotkit/aimock";
import { afterEach, describe, expect, it } from "vitest";
import { anthropicClient } from "../../models/anthropic-client.ts";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { finalAnswer, startHarness } from "./harness.ts";

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness | undefined;
let mock: LLMock | undefined;
afterEach(async () => {
  await h?.stop();
  await mock?.stop();
  h = undefined;
  mock = undefined;
});

describe("prompt caching", () => {
  it("Anthropic requests mark the stable prefix (system prompt, tools) with cache_control", async () => {
    mock = new LLMock({ port: 0, host: "127.0.0.1" });
    await mock.start();
    mock.on({ userMessage: "hello" }, { content: "hi" });
    // The real SDK sends to the mock; this only keeps a copy of each body as it went over the wire.
    const sent: Record<string, unknown>[] = [];
    const watching: typeof fetch = async (input, init) => {
      if (typeof init?.body === "string") sent.push(JSON.parse(init.body) as Record<string, unknown>);
      return fetch(input, init);
    };
    const client = anthropicClient({
      model: "mock-claude",
      apiKey: "test-key",
      baseUrl: mock.url,
      timeoutMs: 5_000,
      maxOutputTokens: 256,
      fetch: watching,
    });

    const response = await client.chat({
      messages: [
        { role: "system", content: "You are the deal closer." },
        { role: "user", content: "hello" },
      ],
      tools: [
        { name: "a", description: "A.", parameters: { type: "object", properties: {} } },
        { name: "b", description: "B.", parameters: { type: "object", properties: {} } },
      ],
    });

    expect(response.text).toBe("hi");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.system).toEqual([
      { type: "text", text: "You are the deal closer.", cache_control: { type: "ephemeral" } },
    ]);
    const tools = sent[0]!.tools as { name: string; cache_control?: unknown }[];
    expect(tools.map((t) => [t.name, t.cache_control ?? null])).toEqual([
      ["a", null],
      ["b", { type: "ephemeral" }],
    ]);
  });

  it("cached input tokens the provider reports are in the ledger and priced at the cached rate", async () => {
    // An OpenAI-compatible server that reports cache hits (aimock's OpenRouter-flavoured endpoint).
    h = await startHarness({ fallback: false, openaiPath: "/api/v1" });
    h.mock.on(
      { userMessage: "engage the new lead" },
      {
        toolCalls: [{ id: "call_submit", name: "submit_result", arguments: JSON.stringify(finalAnswer()) }],
        usage: {
          prompt_tokens: 1_000,
          completion_tokens: 100,
          prompt_tokens_details: { cached_tokens: 600 },
        },
      },
    );

    await h.run();

    const [row] = await llmCallsOfRun(h.store.db, "run-1");
    // mock-gpt: $2 / 1M input, $1 / 1M cached, $8 / 1M output: 400·2 + 600·1 + 100·8 = 2200 µ$.
    expect([row!.input_tokens, row!.cached_tokens, row!.output_tokens, row!.cost_usd]).toEqual([
      1_000, 600, 100, 0.0022,
    ]);
  });
});
