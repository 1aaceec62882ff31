import { LLMock } from "@copilotkit/aimock";
import { afterEach, describe, expect, it } from "vitest";
import { openAiClient } from "../../models/openai-client.ts";
import { modelRequests } from "../contract/scripts.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp, submission, touch } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
let mock: LLMock | undefined;
afterEach(async () => {
  await app?.stop();
  await mock?.stop();
  app = undefined;
  mock = undefined;
});

type Body = {
  tool_choice?: unknown;
  response_format?: {
    type: string;
    json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
  };
};

describe("OpenAI structured output: a strict json_schema response_format, else the forced tool", () => {
  it("a text answer is repaired with a strict json_schema; the JSON answer (strict nulls and all) is the run's result", async () => {
    app = await startLlmApp();
    // Strict mode makes a model write every property, null where the schema had it optional.
    const strictAnswer = {
      ...submission("Drafted a first touch to Ana.", [
        { ...touch("ana.lopez@acme.com", "acme.com"), campaignId: null, sequenceId: null, step: null },
      ]),
      handoffs: null,
    };
    app.mock.on(
      { predicate: (req) => Boolean((req as { response_format?: unknown }).response_format) },
      { content: JSON.stringify(strictAnswer) },
    );
    app.mock.on(
      { predicate: (req) => JSON.stringify(req.messages).includes("ana.lopez") },
      { content: "I would email Ana about her pipeline." },
    );

    const outcome = await app.orchestrator.submitEvent(
      leadQualified("ana.lopez@acme.com", "corr-structured"),
    );

    expect(outcome.status).not.toBe("failed");
    expect(app.served).toEqual([
      { agent: "lead-engagement", by: { path: "primary", model: "openai:mock-gpt", reason: null } },
    ]);
    const openai = modelRequests(app.mock).filter((r) => r.path.endsWith("/chat/completions"));
    expect(openai).toHaveLength(2);
    const repair = openai[1]!.body as Body;
    expect(repair.tool_choice).toBe("none");
    expect(repair.response_format?.type).toBe("json_schema");
    expect(repair.response_format?.json_schema).toMatchObject({ name: "submit_result", strict: true });
    const schema = repair.response_format!.json_schema.schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["summary", "proposals", "artefact", "handoffs"]);
    expect(JSON.stringify(schema)).not.toContain('"default"');
    // The proposal (its nulls taken back, so zod accepted it) went on to the guard as the model's.
    const guard = await app.events("corr-structured", "guard_decision");
    expect(guard.map((e) => e.payload)).toEqual([
      expect.objectContaining({ actionType: "send_touch", agent: "lead-engagement" }),
    ]);
    const [done] = await app.events("corr-structured", "agent_completed");
    expect(done?.payload).toMatchObject({ summary: "Drafted a first touch to Ana." });
  });

  it("a schema strict mode cannot express (an open record) keeps the forced tool choice", async () => {
    mock = new LLMock({ port: 0, host: "127.0.0.1" });
    await mock.start();
    mock.on(
      { toolName: "submit_result" },
      { toolCalls: [{ id: "call_1", name: "submit_result", arguments: '{"facts":{"contact.name":"Ana"}}' }] },
    );
    const client = openAiClient({
      model: "mock-gpt",
      apiKey: "test-key",
      baseUrl: `${mock.url}/v1`,
      timeoutMs: 5_000,
      maxOutputTokens: 500,
    });
    const parameters = {
      type: "object",
      properties: { facts: { type: "object", additionalProperties: { type: "string" } } },
      required: ["facts"],
    };
    const response = await client.chat({
      messages: [{ role: "user", content: "submit" }],
      tools: [{ name: "submit_result", description: "Your final answer.", parameters }],
      toolChoice: "submit_result",
      structuredOutput: true,
    });
    expect(response.toolCalls.map((c) => [c.name, c.args])).toEqual([
      ["submit_result", { facts: { "contact.name": "Ana" } }],
    ]);
    const [request] = modelRequests(mock);
    const body = request!.body as Body;
    expect(body.response_format).toBeUndefined();
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "submit_result" } });
  });
});
