import { afterEach, describe, expect, it } from "vitest";
import { memorySummary } from "../../agents/llm/memory.ts";
import { modelRequests } from "../contract/scripts.ts";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe("chat memory", () => {
  it("turn 2's requests to the model (router and agent) carry turn 1's entities", async () => {
    app = await startLlmApp();
    app.mock.on(
      { toolName: "route_request" },
      {
        toolCalls: [
          {
            id: "call_route",
            name: "route_request",
            arguments: JSON.stringify({ agents: ["marketing-analytics"], reason: "A funnel question." }),
          },
        ],
      },
    );
    // The agent's own calls match nothing (the mock answers 404), so the playbook answers each turn.
    const first = await app.orchestrator.chat("why did webinar signups from acme.com drop?", "conv-mem");
    expect(first.status).toBe("completed");
    const before = modelRequests(app.mock).length;

    const second = await app.orchestrator.chat("and the same for his colleague at globex.com?", "conv-mem");

    expect(second.status).toBe("completed");
    const turn2 = modelRequests(app.mock)
      .slice(before)
      .map((r) => JSON.stringify(r.body));
    const router = turn2.find((b) => b.includes("route_request"));
    const agent = turn2.find((b) => !b.includes("route_request"));
    for (const body of [router, agent]) {
      expect(body).toContain("Earlier turns of this conversation");
      expect(body).toContain("entities: acme.com");
      expect(body).toContain("why did webinar signups from acme.com drop?");
    }
    // Turn 1's own requests had no memory: there was no earlier turn.
    const turn1 = modelRequests(app.mock)
      .slice(0, before)
      .map((r) => JSON.stringify(r.body));
    expect(turn1.some((b) => b.includes("Earlier turns of this conversation"))).toBe(false);
  });

  it("stays within its bound: older turns shrink to a line first, the oldest go last", () => {
    const turn = (i: number) => ({
      asked: `question ${i} about lead${i}@acme${i}.com ${"x".repeat(200)}`,
      agents: [{ agent: "deal-closer", summary: `answer ${i} ${"y".repeat(200)}` }],
      decisions: [],
    });
    const text = memorySummary([1, 2, 3, 4, 5, 6].map(turn), 900)!;
    expect(text.length).toBeLessThanOrEqual(900);
    expect(text).toContain("Turn 6: asked"); // the newest turn stays
    expect(text).toContain(`answer 6 ${"y".repeat(10)}`); // in detail
    expect(text).not.toContain(`answer 1 ${"y".repeat(10)}`); // the oldest shrank or went
  });
});
