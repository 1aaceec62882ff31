import { LLMock } from "@copilotkit/aimock";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModelConfig } from "../models/config.ts";
import { readSse, startTestService } from "../test/helpers/service.ts";
import { submission, touch } from "../test/llm/harness.ts";

/** What the model says before it looks Ana up: long enough to arrive in several streamed pieces. */
const SAID = "Looking Ana up in the CRM before drafting a first touch.";

let mock: LLMock;
let svc: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  mock = new LLMock({ port: 0, host: "127.0.0.1" });
  await mock.start();
  const { config } = loadModelConfig({
    GROWTH_MODEL: "openai:mock-gpt",
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: `${mock.url}/v1`,
    GROWTH_LLM_TIMEOUT_MS: "5000",
    GROWTH_LLM_MAX_ATTEMPTS: "2",
  });
  svc = await startTestService({}, { modelConfig: config });
});
afterAll(async () => {
  await svc?.stop();
  await mock?.stop();
});

/** The supervisor routes to lead-engagement, which says `SAID` while looking Ana up, then submits one touch. */
function scriptTurn() {
  mock.on(
    { toolName: "route_request" },
    {
      toolCalls: [
        {
          id: "call_route",
          name: "route_request",
          arguments: JSON.stringify({ agents: ["lead-engagement"], reason: "Outreach to a lead." }),
        },
      ],
    },
  );
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
    },
  );
  mock.on(
    { userMessage: "ana.lopez", toolName: "crm_lead_context" },
    {
      content: SAID,
      toolCalls: [
        {
          id: "call_ctx",
          name: "crm_lead_context",
          arguments: JSON.stringify({ email: "ana.lopez@acme.com" }),
        },
      ],
    },
    { chunkSize: 8 },
  );
}

describe("POST /v1/chat in LLM mode", () => {
  it("streams the model's text as model_text events, in pieces, before the answer", async () => {
    scriptTurn();
    const res = await svc.call("/v1/chat", {
      key: svc.keys.operator,
      json: { text: "start outreach for ana.lopez@acme.com", conversation_id: "text-1" },
      headers: { accept: "text/event-stream" },
    });
    expect(res.status).toBe(200);
    const events = await readSse(res);
    const names = events.map((e) => e.event);
    const pieces = events.filter((e) => e.event === "model_text");
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.data).toMatchObject({ agent: "lead-engagement" });
    expect(pieces.map((p) => (p.data as { text: string }).text).join("")).toBe(SAID);
    // Every piece arrives while the turn runs: after it was accepted, before the agent's step and the answer.
    const answerAt = names.indexOf("answer");
    const lastPiece = names.lastIndexOf("model_text");
    expect(names.indexOf("accepted")).toBe(0);
    expect(lastPiece).toBeLessThan(answerAt);
    expect(lastPiece).toBeLessThan(
      events.findIndex((e) => e.event === "step" && (e.data as { node: string }).node === "lead-engagement"),
    );
    expect((events[answerAt]!.data as { text: string }).text).toContain("Drafted an intro to Ana.");
    expect(names.slice(-1)).toEqual(["end"]);
  });

  it("keeps a run's text on its own stream when two turns run at once", async () => {
    scriptTurn();
    const turn = (id: string) =>
      svc
        .call("/v1/chat", {
          key: svc.keys.operator,
          json: { text: "start outreach for ana.lopez@acme.com", conversation_id: id },
          headers: { accept: "text/event-stream" },
        })
        .then(readSse);
    const [a, b] = await Promise.all([turn("text-2"), turn("text-3")]);
    for (const events of [a, b]) {
      const text = events
        .filter((e) => e.event === "model_text")
        .map((e) => (e.data as { text: string }).text)
        .join("");
      expect(text).toBe(SAID);
    }
  });
});

describe("the LangGraph SDK client in messages-tuple mode", () => {
  it("receives the model's text as [AIMessageChunk, metadata] messages events before the final values", async () => {
    scriptTurn();
    const sdk = new Client({ apiUrl: svc.url, apiKey: svc.keys.operator, callerOptions: { maxRetries: 0 } });
    const thread = await sdk.threads.create();
    const parts: { event: string; data: unknown }[] = [];
    for await (const part of sdk.runs.stream(thread.thread_id, "growth-orchestrator", {
      input: { messages: [{ role: "user", content: "start outreach for ana.lopez@acme.com" }] },
      streamMode: ["messages-tuple", "values"],
    }))
      parts.push(part);
    const chunks = parts.filter((p) => p.event === "messages").map((p) => p.data as [Chunk, Meta]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map(([chunk]) => chunk.content).join("")).toBe(SAID);
    for (const [chunk, meta] of chunks) {
      expect(chunk).toMatchObject({ type: "AIMessageChunk", id: chunks[0]![0].id });
      expect(meta).toMatchObject({ langgraph_node: "lead-engagement", thread_id: thread.thread_id });
    }
    const names = parts.map((p) => p.event);
    expect(names.lastIndexOf("messages")).toBeLessThan(names.lastIndexOf("values"));
    expect(names.at(-1)).toBe("end");
  });
});

type Chunk = { type: string; id: string; content: string };
type Meta = { langgraph_node: string; thread_id: string };
