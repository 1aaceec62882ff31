import { Annotation, END, GraphInterrupt, START, StateGraph } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SystemError } from "../../domain/errors.ts";
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
  maxSteps = 3,
) =>
  llmAgentRunner({
    models: { forAgent: () => ({ primary, secondary }) },
    prompts,
    prices: DEFAULT_PRICES,
    maxSteps,
    context: () => NO_RUN,
  });

describe("llmAgentRunner", () => {
  it("runs the playbook when the agent has no model", async () => {
    const result = await runnerWith(null)(agent, input, kit());
    expect(result).toMatchObject({ summary: "playbook", servedBy: { path: "playbook", reason: null } });
  });

  it("forces submit_result on the last step, then falls back to the playbook at the step cap", async () => {
    const client = scriptedClient([
      { toolCalls: [call("ping_tool", { n: 1 }, "a")] },
      { toolCalls: [call("ping_tool", { n: 2 }, "b")] },
      { toolCalls: [call("ping_tool", { n: 3 }, "c")] },
    ]);
    await expect(runnerWith(client)(agent, input, kit())).resolves.toMatchObject({
      summary: "playbook",
      servedBy: { path: "playbook", reason: "model_step_cap" },
    });
    expect(client.requests.map((r) => r.toolChoice)).toEqual([undefined, undefined, "submit_result"]);
    expect(client.requests[0]!.messages[0]).toEqual({ role: "system", content: prompts["deal-closer"].text });
  });

  it("accepts a final answer given as JSON text", async () => {
    const client = scriptedClient([{ text: `Here it is: ${JSON.stringify(submit)}` }]);
    const result = await runnerWith(client)(agent, input, kit());
    expect(result).toMatchObject({ summary: "s", artefact: { note: "llm" }, servedBy: { path: "primary" } });
  });

  it("repairs once per step: a mistake, a good step, then another mistake still gets its repair", async () => {
    const client = scriptedClient([
      { toolCalls: [call("nope", {}, "x")] },
      { toolCalls: [call("ping_tool", { n: 1 }, "y")] },
      { toolCalls: [call("nope", {}, "z")] },
      { toolCalls: [call("submit_result", submit)] },
    ]);
    const result = await runnerWith(client, null, 5)(agent, input, kit());
    expect(result.servedBy).toMatchObject({ path: "primary" });
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

  it("falls back on a provider failure, and on a mistake repeated after its repair", async () => {
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
    const secondary = scriptedClient([{ toolCalls: [call("submit_result", submit)] }]);
    await expect(
      runnerWith(scriptedClient([bad, bad]), secondary)(agent, input, kit()),
    ).resolves.toMatchObject({ servedBy: { path: "secondary", reason: "model_output_invalid" } });
    expect(secondary.requests).toHaveLength(1);
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
