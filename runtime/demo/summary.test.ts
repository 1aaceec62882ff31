import { describe, expect, it } from "vitest";
import { DemoTally } from "./summary.ts";

const extra = { deadLetters: 0, resumed: 0, seconds: 1, policy: "p" };

describe("DemoTally usage section", () => {
  it("adds LLM totals and one line per model when given the ledger summary", () => {
    const text = new DemoTally().render({
      ...extra,
      usage: [
        {
          key: "openai:a",
          calls: 2,
          attempts: 2,
          inputTokens: 320,
          outputTokens: 70,
          cachedTokens: 0,
          costUsd: 0.0012,
          unpricedCalls: 0,
        },
        {
          key: "openai:b",
          calls: 1,
          attempts: 1,
          inputTokens: 10,
          outputTokens: 5,
          cachedTokens: 4,
          costUsd: 0,
          unpricedCalls: 1,
        },
      ],
    });
    expect(text.split("\n").slice(-3)).toEqual([
      "LLM usage: 3 LLM calls · 330 in (4 cached) / 75 out tokens · $0.001200 (+1 unpriced calls)",
      "  openai:a: 2 LLM calls · 320 in (0 cached) / 70 out tokens · $0.001200",
      "  openai:b: 1 LLM call · 10 in (4 cached) / 5 out tokens · $0 (+1 unpriced calls)",
    ]);
  });

  it("says playbook mode when the ledger is empty, and nothing when not given", () => {
    expect(
      new DemoTally()
        .render({ ...extra, usage: [] })
        .split("\n")
        .at(-1),
    ).toBe("LLM usage: none (playbook mode)");
    expect(new DemoTally().render(extra)).not.toContain("LLM usage");
  });
});
