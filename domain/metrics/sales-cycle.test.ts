import { describe, expect, it } from "vitest";
import { salesCycleDays } from "./sales-cycle.ts";
import { day, HAND_WORKED, opp } from "./test-fixtures.ts";

describe("salesCycleDays", () => {
  it("is the mean days from creation to close over won deals: (30 + 60) / 2 = 45", () => {
    expect(salesCycleDays(HAND_WORKED)).toEqual({ value: 45 });
  });

  it("ignores lost deals and counts fractional days", () => {
    const won = { ...opp("w", 1, [["closed_won", 2]], 0), closedAt: new Date(day(2).getTime() + 43_200_000) };
    expect(salesCycleDays([won, opp("l", 1, [["closed_lost", 9]], 0)]).value).toBe(2.5);
  });

  it("is 0 for a deal won the moment it was created", () => {
    expect(salesCycleDays([opp("w", 1, [["closed_won", 4]], 4)]).value).toBe(0);
  });

  it("uses the deals won in the window, by close time", () => {
    expect(salesCycleDays(HAND_WORKED, { from: day(80), to: day(80) }).value).toBe(60);
  });

  it("is null with a reason when nothing was won", () => {
    expect(salesCycleDays([], { to: day(10) })).toEqual({
      value: null,
      reason: "No opportunity was won up to 2025-01-11.",
    });
  });
});
