import { describe, expect, it } from "vitest";
import { type Judge, NO_JUDGE, scoreWithJudge } from "./judge.ts";

describe("scoreWithJudge", () => {
  it("is skipped, with a clear reason, when no judge model is configured", async () => {
    const result = await scoreWithJudge(null, { brief: "b", drafts: ["d"], facts: [] });
    expect(result).toMatchObject({ skipped: true, detail: NO_JUDGE });
    expect(NO_JUDGE).toBe("skipped: no judge model configured");
  });

  it("averages a configured judge's verdicts and passes at 0.7", async () => {
    const scores = [0.9, 0.6];
    const judge: Judge = {
      model: "openai:judge-pinned",
      judge: async () => ({ score: scores.shift()!, reasons: "ok", model: "openai:judge-pinned" }),
    };
    const result = await scoreWithJudge(judge, { brief: "b", drafts: ["a", "b"], facts: [] });
    expect(result).toMatchObject({ score: 0.75, pass: true });
    expect(result.detail).toContain("openai:judge-pinned");
  });
});
