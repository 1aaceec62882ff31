import { describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { DEFAULT_STAGE_PROBABILITIES, stageProbabilities } from "./probabilities.ts";

describe("stage probabilities", () => {
  it("defaults to docs/domain-rules.md's numbers", () => {
    expect(DEFAULT_STAGE_PROBABILITIES).toEqual({
      new: 0.1,
      qualified: 0.2,
      discovery: 0.4,
      proposal: 0.6,
      negotiation: 0.8,
      closed_won: 1,
      closed_lost: 0,
    });
  });

  it("overrides only the stages given", () => {
    const p = stageProbabilities({ proposal: 0.5, new: 0 });
    expect(p).toEqual({ ...DEFAULT_STAGE_PROBABILITIES, proposal: 0.5, new: 0 });
    expect(DEFAULT_STAGE_PROBABILITIES.proposal).toBe(0.6);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it.each([-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects %d with a message naming the stage",
    (v) => {
      expect(() => stageProbabilities({ discovery: v })).toThrow(UserError);
      expect(() => stageProbabilities({ discovery: v })).toThrow(/"discovery".*between 0 and 1/);
    },
  );

  it("rejects unknown stages", () => {
    const overrides = { won: 0.9 } as unknown as Parameters<typeof stageProbabilities>[0];
    expect(() => stageProbabilities(overrides)).toThrow(/Unknown stage "won"/);
  });
});
