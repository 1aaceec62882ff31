import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../store/repos/llm-calls.ts";
import { startLlmApp, submission, touch } from "../test/llm/harness.ts";
import { startTracing, type Tracing } from "./setup.ts";

const exporter = new InMemorySpanExporter();
let tracing: Tracing | null;
type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;

beforeAll(() => {
  tracing = startTracing({}, { exporter, batch: false });
});
afterAll(async () => tracing?.shutdown());
afterEach(async () => {
  await app?.stop();
  app = undefined;
  exporter.reset();
});

/** Routes to lead-engagement, which looks Ana up (a tool call) and submits one touch to her. */
function scriptTurn(mock: App["mock"]) {
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
      usage: { prompt_tokens: 300, completion_tokens: 20 },
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

const parentOf = (spans: ReadableSpan[], span: ReadableSpan) =>
  spans.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const one = (spans: ReadableSpan[], name: string) => {
  const found = named(spans, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe("the span tree of one chat turn in LLM mode", () => {
  it("request → supervisor → agent → model calls (GenAI attributes, ledger tokens) → tool → guard → effects, one trace", async () => {
    app = await startLlmApp();
    scriptTurn(app.mock);
    const waiting = await app.orchestrator.chat("start outreach for ana.lopez@acme.com", "conv-trace");
    expect(waiting.status).toBe("waiting_approval");
    const { outcome } = await app.orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "approve",
    });
    expect(outcome?.status).toBe("completed");

    const spans = exporter.getFinishedSpans();
    // One trace: the intake span is its root; the run and its resume both continue it.
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    const intake = one(spans, "intake");
    expect(intake.parentSpanContext).toBeUndefined();
    const runs = named(spans, "run chat");
    expect(runs).toHaveLength(2); // the turn, then its resume after the approval
    for (const run of runs) expect(parentOf(spans, run)).toBe(intake);

    const supervisors = named(spans, "graph.node supervisor");
    expect(supervisors.length).toBeGreaterThanOrEqual(1);
    expect(parentOf(spans, supervisors[0]!)?.name).toBe("run chat");
    // The routing model call sits under the supervisor node.
    const routerCall = spans.find((s) => s.name === "chat mock-gpt" && parentOf(spans, s) === supervisors[0]);
    expect(routerCall?.attributes["gen_ai.usage.input_tokens"]).toBe(300);

    const agentNode = one(spans, "graph.node lead-engagement");
    expect(parentOf(spans, agentNode)?.name).toBe("run chat");
    const agent = one(spans, "invoke_agent lead-engagement");
    expect(parentOf(spans, agent)).toBe(agentNode);
    expect(agent.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "lead-engagement",
      "growth.agent.served_by": "primary",
      "growth.agent.model": "openai:mock-gpt",
    });

    const calls = spans.filter((s) => s.name === "chat mock-gpt" && parentOf(spans, s) === agent);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.attributes).toMatchObject({
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "mock-gpt",
      });
      expect(call.attributes["gen_ai.input.messages"]).toBeUndefined(); // no prompt text unless asked
    }
    expect(calls.map((c) => c.attributes["gen_ai.response.finish_reasons"])).toEqual([
      ["tool_calls"],
      ["tool_calls"],
    ]);
    // Token counts equal the ledger's, call by call (the supervisor's first).
    const ledger = await llmCallsOfRun(app.db, waiting.runId);
    const traced = [routerCall!, ...calls].map((c) => [
      c.attributes["gen_ai.usage.input_tokens"],
      c.attributes["gen_ai.usage.output_tokens"],
    ]);
    expect(traced).toEqual(ledger.map((r) => [r.input_tokens, r.output_tokens]));

    const tool = one(spans, "execute_tool crm_lead_context");
    expect(parentOf(spans, tool)).toBe(agent);
    expect(tool.attributes["gen_ai.tool.name"]).toBe("crm_lead_context");

    const guard = one(spans, "guard.batch");
    expect(parentOf(spans, guard)?.name).toBe("graph.node conflict_guard");
    expect(guard.attributes["growth.guard.allow"]).toBe(1);

    const effect = one(spans, "effect send_touch");
    const effectsNode = parentOf(spans, effect)!;
    expect(effectsNode.name).toBe("graph.node execute_effects");
    expect(effect.attributes["growth.effect.executed"]).toBe(true); // it claimed its outbox key
    // The effects ran in the resumed run, still in the request's trace.
    expect(parentOf(spans, effectsNode)).toBe(runs[1]);
    // The approval gate's interrupt is a signal, not an error.
    for (const gate of named(spans, "graph.node approval_gate")) expect(gate.status.code).not.toBe(2);
  });

  it("records prompt and completion text only when GROWTH_OTEL_CAPTURE_CONTENT asks, redacted like the logs", async () => {
    process.env.GROWTH_OTEL_CAPTURE_CONTENT = "true";
    try {
      app = await startLlmApp();
    } finally {
      delete process.env.GROWTH_OTEL_CAPTURE_CONTENT;
    }
    scriptTurn(app.mock);
    await app.orchestrator.chat("start outreach for ana.lopez@acme.com", "conv-content");
    const calls = exporter.getFinishedSpans().filter((s) => s.name === "chat mock-gpt");
    expect(calls.length).toBe(3);
    const input = String(calls[0]!.attributes["gen_ai.input.messages"]);
    expect(input).toContain("start outreach for [email]");
    const output = String(calls.at(-1)!.attributes["gen_ai.output.messages"]);
    expect(output).toContain("submit_result");
    for (const call of calls) {
      const text = `${call.attributes["gen_ai.input.messages"]}${call.attributes["gen_ai.output.messages"]}`;
      expect(text).not.toContain("ana.lopez@acme.com");
      expect(text).not.toContain("a short note about your pipeline"); // a proposal's body is censored
    }
  });
});
