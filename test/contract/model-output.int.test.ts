import { afterEach, describe, expect, it } from "vitest";
import { llmCallsOfRun } from "../../store/repos/llm-calls.ts";
import { finalAnswer, startHarness } from "./harness.ts";
import { modelRequests, scriptTwoSteps } from "./scripts.ts";

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const badLookup = (id: string, email: unknown) => ({
  toolCalls: [{ id, name: "lookup_contact", arguments: JSON.stringify({ email }) }],
  usage: { prompt_tokens: 50, completion_tokens: 10 },
});

describe.each(["openai:mock-gpt", "anthropic:mock-claude"])("model output on %s", (primary) => {
  it("sends an invalid tool argument back once, then falls back: secondary, then playbook", async () => {
    h = await startHarness({ primary });
    h.mock.on({ toolCallId: "call_bad_1" }, badLookup("call_bad_2", "still not an email"));
    h.mock.on({ userMessage: "engage the new lead" }, badLookup("call_bad_1", 42));

    const result = await h.run();

    expect(result.servedBy).toEqual({ path: "playbook", model: "playbook", reason: "model_output_invalid" });
    // The call and its one repair on each path (the secondary is anthropic:mock-claude, so none after it).
    const paths = primary.startsWith("openai") ? 2 : 1;
    const requests = modelRequests(h.mock);
    expect(requests).toHaveLength(2 * paths);
    expect(JSON.stringify(requests[1]!.body)).toContain("Tool lookup_contact got invalid arguments: email");
    const rows = await llmCallsOfRun(h.store.db, "run-1");
    const path = [
      [1, "repaired"],
      [2, "invalid"],
    ];
    expect(rows.map((r) => [r.step, r.outcome])).toEqual([
      ...(paths === 2 ? [...path, ...path] : path),
      [0, "fallback"],
    ]);
  });

  it("accepts the repaired call when the model fixes its arguments", async () => {
    h = await startHarness({ primary });
    h.mock.on(
      { toolCallId: "call_bad_1" },
      { toolCalls: [{ id: "call_submit", name: "submit_result", arguments: JSON.stringify(finalAnswer()) }] },
    );
    h.mock.on({ userMessage: "engage the new lead" }, badLookup("call_bad_1", 42));

    const result = await h.run();

    expect(result.summary).toBe("Drafted a first touch to the CFO.");
    expect((await llmCallsOfRun(h.store.db, "run-1")).map((r) => r.outcome)).toEqual(["repaired", "ok"]);
  });

  it("returns a proposal to a suppressed contact unchanged: stopping it is the guard's job", async () => {
    h = await startHarness({ primary });
    const answer = finalAnswer("unsubscribed@acme.com");
    scriptTwoSteps(h.mock, answer);

    const result = await h.run();

    expect(result.proposals).toEqual(answer.proposals);
  });
});
