import type { ChatCompletionRequest } from "@copilotkit/aimock";
import { describe, expect, it } from "vitest";
import { AGENT_LIST } from "../../agents/index.ts";
import { finalOutputSchema, submitSpec, toolSpec } from "../../agents/llm/tool-specs.ts";
import { routeByOverlap, scriptedAnswer } from "./responder.ts";
import { minimalValue } from "./sample.ts";

const ROSTER =
  "Route it.\n\nThe agents:\n- deal-closer: Moves stalled deals forward\n- lead-engagement: Engages new leads by email";

function request(tools: { name: string; parameters: object }[], messages: ChatCompletionRequest["messages"]) {
  return {
    model: "scripted",
    messages,
    tools: tools.map((t) => ({ type: "function" as const, function: t })),
  } satisfies ChatCompletionRequest;
}

describe("the scripted eval model", () => {
  it("routes to the roster agent sharing the most words with the request, or to none", () => {
    expect(routeByOverlap(ROSTER, "email the new leads").agents).toEqual(["lead-engagement"]);
    expect(routeByOverlap(ROSTER, "this deal is stalled").agents).toEqual(["deal-closer"]);
    expect(routeByOverlap(ROSTER, "write me a poem").agents).toEqual([]);
  });

  it("answers the router's forced route_request call with a tool call", () => {
    const answer = scriptedAnswer(
      request(
        [{ name: "route_request", parameters: {} }],
        [
          { role: "system", content: ROSTER },
          { role: "user", content: "<user_request>\nstalled deals\n</user_request>" },
        ],
      ),
    );
    expect(answer).toMatchObject({ toolCalls: [{ name: "route_request" }] });
    const args = JSON.parse((answer as { toolCalls: { arguments: string }[] }).toolCalls[0]?.arguments ?? "");
    expect(args.agents).toEqual(["deal-closer"]);
  });

  it("submits an answer every agent's own submit_result schema accepts", () => {
    for (const agent of AGENT_LIST) {
      const spec = submitSpec(agent);
      const parsed = finalOutputSchema(agent).safeParse(minimalValue(spec.parameters));
      expect(parsed.success, `${agent.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("calls an argument-free tool first, then submits once a tool result is in", () => {
    const agent = AGENT_LIST.find((a) =>
      a.tools.some(
        (t) =>
          !Array.isArray(toolSpec(t).parameters.required) ||
          (toolSpec(t).parameters.required as unknown[]).length === 0,
      ),
    );
    if (!agent) throw new Error("no agent has an argument-free tool");
    const tools = [...agent.tools.map(toolSpec), submitSpec(agent)];
    const first = scriptedAnswer(request(tools, [{ role: "user", content: "go" }])) as {
      toolCalls: { id: string; name: string }[];
    };
    expect(first.toolCalls[0]?.name).not.toBe("submit_result");
    const second = scriptedAnswer(
      request(tools, [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: first.toolCalls[0]?.id ?? "",
              type: "function",
              function: { name: first.toolCalls[0]?.name ?? "", arguments: "{}" },
            },
          ],
        },
        { role: "tool", content: "{}", tool_call_id: first.toolCalls[0]?.id ?? "" },
      ]),
    ) as { toolCalls: { name: string }[] };
    expect(second.toolCalls[0]?.name).toBe("submit_result");
  });
});
