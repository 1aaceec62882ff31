import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day, HAND_WORKED, opp, oppArb } from "./test-fixtures.ts";
import { velocityPerDay } from "./velocity.ts";

describe("velocityPerDay", () => {
  it("is open × win rate × average won deal / cycle: 3 × 2/3 × $4,000 / 45 days", () => {
    expect(velocityPerDay(HAND_WORKED).value).toBeCloseTo((3 * (2 / 3) * 400_000) / 45, 9);
  });

  it("uses the window for every input: 3 × 1/2 × $3,000 / 30 days = $150 a day", () => {
    expect(velocityPerDay(HAND_WORKED, { from: day(30), to: day(60) }).value).toBeCloseTo(15_000, 9);
  });

  it("is 0, not null, when every input is defined but nothing is open", () => {
    expect(velocityPerDay([opp("w", 100, [["closed_won", 10]], 0)])).toEqual({ value: 0 });
  });

  it("passes on the reason of the first undefined input", () => {
    expect(velocityPerDay([]).reason).toBe(
      "Velocity needs a win rate: No opportunity was closed (won or lost) in the data.",
    );
    expect(velocityPerDay([opp("l", 100, [["closed_lost", 10]], 0)]).reason).toBe(
      "Velocity needs an average won deal: No opportunity was won in the data.",
    );
  });

  it("is null when the average cycle is zero", () => {
    const sameDay = [opp("w", 100, [["closed_won", 3]], 3), opp("o", 50, [["new", 1]])];
    const v = velocityPerDay(sameDay);
    expect(v.value).toBeNull();
    expect(v.reason).toMatch(/average sales cycle is 0 days/);
  });

  it("is a finite, non-negative number or null with a reason", () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 20 }), (opps) => {
        const v = velocityPerDay(opps);
        if (v.value === null) expect(v.reason).toBeTruthy();
        else expect(Number.isFinite(v.value) && v.value >= 0).toBe(true);
      }),
    );
  });
});
