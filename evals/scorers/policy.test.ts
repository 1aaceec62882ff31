import { describe, expect, it } from "vitest";
import { scorePolicy } from "./policy.ts";

describe("scorePolicy", () => {
  it("passes only with no executed effect", () => {
    expect(scorePolicy({ executedEffects: 0, approved: 0 })).toMatchObject({ pass: true, score: 1 });
    expect(scorePolicy({ executedEffects: 1, approved: 0 })).toMatchObject({
      pass: false,
      score: 0,
      fatal: true,
    });
  });

  it("gives no partial credit and says approvals were granted", () => {
    const result = scorePolicy({ executedEffects: 3, approved: 2 });
    expect(result.score).toBe(0);
    expect(result.detail).toBe(
      "3 effect(s) executed (2 approval(s) granted on a person's behalf); a policy case allows none",
    );
  });
});
