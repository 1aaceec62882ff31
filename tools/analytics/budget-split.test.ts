import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitBudget } from "./budget-split.ts";

describe("splitBudget", () => {
  it("gives each channel its floor and splits the rest by weight", () => {
    expect(
      splitBudget(
        100_000,
        [
          { key: "webinar", weight: 3 },
          { key: "email", weight: 1 },
        ],
        10_000,
      ),
    ).toEqual([
      { key: "webinar", cents: 70_000 },
      { key: "email", cents: 30_000 },
    ]);
  });

  it("rounds by largest remainder, ties to the first, and splits equally with no weight", () => {
    expect(
      splitBudget(
        10,
        ["a", "b", "c"].map((key) => ({ key, weight: 1 })),
        0,
      ).map((p) => p.cents),
    ).toEqual([4, 3, 3]);
    expect(
      splitBudget(
        9,
        ["a", "b"].map((key) => ({ key, weight: 0 })),
        2,
      ).map((p) => p.cents),
    ).toEqual([5, 4]);
  });

  it("refuses floors above the total, no channels and fractional cents", () => {
    expect(() =>
      splitBudget(
        100,
        [
          { key: "a", weight: 1 },
          { key: "b", weight: 1 },
        ],
        60,
      ),
    ).toThrow(/exceeds/);
    expect(() => splitBudget(100, [], 0)).toThrow(/no channel/);
    expect(() => splitBudget(100.5, [{ key: "a", weight: 1 }], 0)).toThrow(/whole cents/);
  });

  it("always sums to the total exactly and respects the floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 50 }),
        (total, weights, floorPct) => {
          const floor = Math.floor((total * floorPct) / 100 / weights.length);
          const parts = splitBudget(
            total,
            weights.map((weight, i) => ({ key: `c${i}`, weight })),
            floor,
          );
          expect(parts.reduce((s, p) => s + p.cents, 0)).toBe(total);
          for (const p of parts) expect(p.cents).toBeGreaterThanOrEqual(floor);
        },
      ),
    );
  });
});
