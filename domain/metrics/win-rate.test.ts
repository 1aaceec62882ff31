import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day, HAND_WORKED, opp, oppArb } from "./test-fixtures.ts";
import { winRate } from "./win-rate.ts";

describe("winRate", () => {
  it("is won / (won + lost): C and D won, E lost → 2/3", () => {
    expect(winRate(HAND_WORKED)).toEqual({ value: 2 / 3 });
  });

  it("counts only opportunities closed inside the window, both ends included", () => {
    // C closes on day 30, E on day 45, D on day 80.
    expect(winRate(HAND_WORKED, { from: day(30), to: day(45) }).value).toBe(0.5);
    expect(winRate(HAND_WORKED, { from: new Date(day(30).getTime() + 1), to: day(45) }).value).toBe(0);
    expect(winRate(HAND_WORKED, { from: day(46), to: day(80) }).value).toBe(1);
  });

  it("is null with a reason when nothing closed, never 0 or NaN", () => {
    expect(winRate([])).toEqual({
      value: null,
      reason: "No opportunity was closed (won or lost) in the data.",
    });
    expect(winRate(HAND_WORKED, { from: day(31), to: day(44) })).toEqual({
      value: null,
      reason: "No opportunity was closed (won or lost) between 2025-02-01 and 2025-02-14.",
    });
  });

  it("handles a single deal", () => {
    expect(winRate([opp("w", 1, [["closed_won", 3]])]).value).toBe(1);
    expect(winRate([opp("l", 1, [["closed_lost", 3]])]).value).toBe(0);
  });

  it("skips closed opportunities that have no close time", () => {
    const broken = { ...opp("w", 1, [["closed_won", 3]]), closedAt: null };
    expect(winRate([broken]).value).toBeNull();
  });

  it("stays in [0, 1] or is null with a reason", () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 30 }), (opps) => {
        const rate = winRate(opps);
        if (rate.value === null) expect(rate.reason).toBeTruthy();
        else expect(rate.value >= 0 && rate.value <= 1).toBe(true);
      }),
    );
  });
});
