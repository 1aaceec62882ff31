import { describe, expect, it } from "vitest";
import { funnel } from "./funnel.ts";
import { day, HAND_WORKED } from "./test-fixtures.ts";

describe("funnel", () => {
  it("counts opportunities by current stage, in stage order", () => {
    expect(funnel(HAND_WORKED).map((r) => [r.stage, r.count, r.valueCents])).toEqual([
      ["new", 1, 100_000],
      ["qualified", 0, 0],
      ["discovery", 0, 0],
      ["proposal", 1, 200_000],
      ["negotiation", 1, 400_000],
      ["closed_won", 2, 800_000],
      ["closed_lost", 1, 100_000],
    ]);
  });

  it("keeps the opportunities created inside the window", () => {
    const counts = funnel(HAND_WORKED, { from: day(10), to: day(20) }).map((r) => r.count);
    expect(counts).toEqual([0, 0, 0, 1, 0, 1, 0]);
  });

  it("has a zero row per stage for no data", () => {
    expect(funnel([]).every((r) => r.count === 0 && r.valueCents === 0)).toBe(true);
    expect(funnel([])).toHaveLength(7);
  });
});
