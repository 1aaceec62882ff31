import { describe, expect, it } from "vitest";
import { AGENT_LIST } from "../agents/index.ts";
import { explain, matcherChatRouter } from "./chat-router.ts";

describe("matcher chat router", () => {
  const route = matcherChatRouter(AGENT_LIST);

  it("routes nobody on small talk and answers with what the orchestrator can do", async () => {
    const out = await route("hello there");
    expect(out.agents).toEqual([]);
    expect(out.via).toBe("matcher");
    expect(out.reason).toMatch(/^I could not tell which agent should handle that\. I can help with:/);
    expect(out.reason.split("\n")).toHaveLength(1 + AGENT_LIST.length);
  });

  it("explains a match with each chosen agent's score and evidence", async () => {
    const out = await route("Who should we chase this week?");
    expect(out.agents).toEqual(["deal-closer"]);
    expect(out.reason).toMatch(/^matched deal-closer \(0\.\d+: chase\b.*\) by intent$/);
    expect(
      explain({
        agents: ["deal-closer"],
        scores: [{ agent: "deal-closer", score: 0.92, terms: ["chase", "week"] }],
        confidence: 0.92,
      }),
    ).toBe("deal-closer (0.92: chase, week)");
  });
});
