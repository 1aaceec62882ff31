import { Annotation, END, GraphInterrupt, START, StateGraph } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ModelError, SystemError } from "../../domain/errors.ts";
import { DEFAULT_PRICES } from "../../models/prices.ts";
import { scriptedClient } from "../../models/scripted-client.ts";
import { loadPrompts } from "../../prompts/load.ts";
import { defineTool } from "../../tools/tool.ts";
import { type AgentKit, defineAgent } from "../agent.ts";
import { graphRunContext, NO_RUN } from "./run-context.ts";
import { llmAgentRunner } from "./runner.ts";

const prompts = loadPrompts();
const ping = defineTool({
  name: "ping_tool",
  description: "Pings.",
  schema: z.object({ n: z.number() }),
  async run() {
    return { pong: true };
  },
});
const agent = defineAgent({
  id: "deal-closer",
  cluster: "bd",
  title: "t",
  description: "d",
  examples: ["a", "b"],
  reads: [],
  tools: [ping],
  artefact: z.object({ note: z.string() }),
  async playbook() {
    return { artefact: { note: "playbook" }, summary: "playbook", proposals: [] };
  },
});
const input = { request: { kind: "chat" as const, text: "hi" }, artefacts: {}, now: new Date(0) };
const kit = (
  use: AgentKit["use"] = async (tool, args) => tool.run({} as never, tool.schema.parse(args)),
): AgentKit => ({
  now: new Date(0),
  use,
});
const submit = { summary: "s", artefact: { note: "llm" }, proposals: [] };
const call = (name: string, args: unknown, id = name) => ({ id, name, args });
const runnerWith = (
  primary: ReturnType<typeof scriptedClient> | null,
  secondary: ReturnType<typeof scriptedClient> | null = null,
) =>
  llmAgentRunner({
    models: { forAgent: () => ({ primary, secondary }) },
    prompts,
    prices: DEFAULT_PRICES,
    maxSteps: 3,
    context: () => NO_RUN,
  });

describe("llmAgentRunner", () => {
  it("runs the playbook when the agent has no model", async () => {
    const result = await runnerWith(null)(agent, input, kit());
    expect(result).toMatchObject({ summary: "playbook", servedBy: { path: "playbook", reason: null } });
  });

  it("forces submit_result on the last step, then gives up with a ModelError", async () => {
    const client = scriptedClient([
      { toolCalls: [call("ping_tool", { n: 1 }, "a")] },
      { toolCalls: [call("ping_tool", { n: 2 }, "b")] },
      { toolCalls: [call("ping_tool", { n: 3 }, "c")] },
    ]);
    await expect(runnerWith(client)(agent, input, kit())).rejects.toMatchObject({ code: "model_step_cap" });
    expect(client.requests.map((r) => r.toolChoice)).toEqual([undefined, undefined, "submit_result"]);
    expect(client.requests[0]!.messages[0]).toEqual({ role: "system", content: prompts["deal-closer"].text });
  });

  it("accepts a final answer given as JSON text", async () => {
    const client = scriptedClient([{ text: `Here it is: ${JSON.stringify(submit)}` }]);
    const result = await runnerWith(client)(agent, input, kit());
    expect(result).toMatchObject({ summary: "s", artefact: { note: "llm" }, servedBy: { path: "primary" } });
  });

  it("sends an artefact that misses its schema back once", async () => {
    const client = scriptedClient([
      { toolCalls: [call("submit_result", { ...submit, artefact: { note: 7 } })] },
      { toolCalls: [call("submit_result", submit, "again")] },
    ]);
    const result = await runnerWith(client)(agent, input, kit());
    expect(result.artefact).toEqual({ note: "llm" });
    const repair = client.requests[1]!.messages.at(-1);
    expect(repair).toMatchObject({ role: "tool", content: expect.stringContaining("artefact.note") });
  });

  it("re-throws an interrupt from a tool instead of feeding it to the model or falling back", async () => {
    const primary = scriptedClient([{ toolCalls: [call("ping_tool", { n: 1 })] }]);
    const secondary = scriptedClient([]);
    const interrupting = kit(async () => {
      throw new GraphInterrupt();
    });
    await expect(runnerWith(primary, secondary)(agent, input, interrupting)).rejects.toBeInstanceOf(
      GraphInterrupt,
    );
    expect(primary.requests).toHaveLength(1);
    expect(secondary.requests).toHaveLength(0);
  });

  it("falls back on a provider failure but not on a model's mistakes", async () => {
    const down = new SystemError("model_unavailable", "down", {
      transient: true,
      details: { provider: "openai" },
    });
    const served = await runnerWith(
      scriptedClient([down]),
      scriptedClient([{ toolCalls: [call("submit_result", submit)] }]),
    )(agent, input, kit());
    expect(served).toMatchObject({ servedBy: { path: "secondary", reason: "model_unavailable" } });

    const bad = { toolCalls: [call("nope", {})] };
    const secondary = scriptedClient([]);
    await expect(
      runnerWith(scriptedClient([bad, bad]), secondary)(agent, input, kit()),
    ).rejects.toBeInstanceOf(ModelError);
    expect(secondary.requests).toHaveLength(0);
  });
});

describe("graphRunContext", () => {
  it("reads the run ids from the node state inside a graph, and nulls outside one", async () => {
    expect(graphRunContext()).toEqual(NO_RUN);
    const State = Annotation.Root({
      run: Annotation<{ runId: string; threadId: string; correlationId: string }>(),
      seen: Annotation<unknown>(),
    });
    const graph = new StateGraph(State)
      .addNode("agent", async () => ({ seen: graphRunContext() }))
      .addEdge(START, "agent")
      .addEdge("agent", END)
      .compile();
    const run = { runId: "r", threadId: "t", correlationId: "c" };
    const out = await graph.invoke({ run });
    expect(out.seen).toEqual(run);
  });
});
