import { describe, expect, it } from "vitest";
import { averageWonDeal } from "./average-won-deal.ts";
import { day, HAND_WORKED, opp } from "./test-fixtures.ts";

describe("averageWonDeal", () => {
  it("is the mean won amount: ($3,000 + $5,000) / 2 = $4,000", () => {
    expect(averageWonDeal(HAND_WORKED)).toEqual({ value: 400_000 });
  });

  it("keeps fractional cents for the caller to format", () => {
    const opps = [opp("x", 1, [["closed_won", 1]]), opp("y", 2, [["closed_won", 1]])];
    expect(averageWonDeal(opps).value).toBe(1.5);
  });

  it("uses the deals won inside the window", () => {
    expect(averageWonDeal(HAND_WORKED, { to: day(30) }).value).toBe(300_000);
    expect(averageWonDeal(HAND_WORKED, { from: day(31) }).value).toBe(500_000);
  });

  it("is null with a reason when nothing was won, even if deals were lost", () => {
    expect(averageWonDeal([]).value).toBeNull();
    expect(averageWonDeal([opp("l", 5, [["closed_lost", 1]])])).toEqual({
      value: null,
      reason: "No opportunity was won in the data.",
    });
  });
});
