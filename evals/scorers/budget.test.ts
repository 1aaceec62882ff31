import { describe, expect, it } from "vitest";
import { scoreSteps, scoreTokens } from "./budget.ts";

const budget = { maxSteps: 2, maxTokens: 100 };

describe("budgets", () => {
  it("steps: at the limit passes, one over fails", () => {
    expect(scoreSteps(budget, { route: ["deal-closer", "lead-engagement"] })).toMatchObject({ pass: true });
    expect(scoreSteps(budget, { route: ["deal-closer", "lead-engagement", "deal-closer"] })).toMatchObject({
      pass: false,
      detail: "3 step(s) of 2 allowed",
    });
  });

  it("tokens: input plus output against the limit", () => {
    expect(scoreTokens(budget, { tokens: { input: 60, output: 40 } })).toMatchObject({ pass: true });
    expect(scoreTokens(budget, { tokens: { input: 60, output: 41 } })).toMatchObject({
      pass: false,
      score: 0,
    });
    expect(scoreTokens({ ...budget, maxTokens: 0 }, { tokens: { input: 0, output: 0 } }).pass).toBe(true);
  });
});
