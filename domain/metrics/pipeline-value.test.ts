import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_STAGE_PROBABILITIES, stageProbabilities } from "../pipeline/index.ts";
import { openPipeline, weightedPipeline } from "./pipeline-value.ts";
import { day, HAND_WORKED, opp, oppArb } from "./test-fixtures.ts";

describe("openPipeline", () => {
  it("counts and sums the open opportunities: A + B + F = $7,000", () => {
    expect(openPipeline(HAND_WORKED)).toEqual({ count: 3, valueCents: 700_000 });
  });

  it("is zero for no data", () => {
    expect(openPipeline([])).toEqual({ count: 0, valueCents: 0 });
  });

  it("keeps opportunities created on or before window.to, ignoring window.from", () => {
    expect(openPipeline(HAND_WORKED, { to: day(50) })).toEqual({ count: 3, valueCents: 700_000 });
    expect(openPipeline(HAND_WORKED, { to: new Date(day(50).getTime() - 1) })).toEqual({
      count: 2,
      valueCents: 300_000,
    });
    expect(openPipeline(HAND_WORKED, { from: day(100) })).toEqual({ count: 3, valueCents: 700_000 });
  });
});

describe("weightedPipeline", () => {
  it("weights each open opportunity: 1,000×0.1 + 2,000×0.6 + 4,000×0.8 = $4,500", () => {
    expect(weightedPipeline(HAND_WORKED)).toBe(450_000);
  });

  it("takes configured probabilities", () => {
    const p = stageProbabilities({ negotiation: 0.5 });
    expect(weightedPipeline(HAND_WORKED, p)).toBe(10_000 + 120_000 + 200_000);
  });

  it("rounds once at the end, half up, without binary noise", () => {
    // 46×0.6 + 26×0.6 + 10×0.2 + 43×0.1 = 49.5 exactly, but floating point sums to 49.49999999999999.
    const opps = [
      opp("p1", 46, [["proposal", 0]]),
      opp("p2", 26, [["proposal", 0]]),
      opp("q", 10, [["qualified", 0]]),
      opp("n", 43, [["new", 0]]),
    ];
    expect(weightedPipeline(opps)).toBe(50);
    // Each rounded alone would give 28 + 16 + 2 + 4 = 50 too; these do not: 3 × (5 × 0.1) = 1.5 → 2, not 3.
    const small = ["x", "y", "z"].map((id) => opp(id, 5, [["new", 0]]));
    expect(weightedPipeline(small)).toBe(2);
  });

  it("is zero for no open opportunity", () => {
    expect(weightedPipeline([])).toBe(0);
    expect(weightedPipeline(HAND_WORKED.filter((o) => o.closedAt !== null))).toBe(0);
  });

  it("stays between 0 and the open value, in whole cents", () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 30 }), (opps) => {
        const weighted = weightedPipeline(opps, DEFAULT_STAGE_PROBABILITIES);
        expect(Number.isInteger(weighted)).toBe(true);
        expect(weighted).toBeGreaterThanOrEqual(0);
        expect(weighted).toBeLessThanOrEqual(openPipeline(opps).valueCents);
      }),
    );
  });
});
