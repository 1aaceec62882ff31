import { describe, expect, it } from "vitest";
import { attributeDeal } from "./attribute-deal.ts";
import { before, CLOSE, centsById, deal, touch } from "./test-fixtures.ts";

describe("attributeDeal: time-decay", () => {
  // Touches 14, 7 and 0 days before close with a 7-day half-life weigh 1/4, 1/2, 1: shares 1/7, 2/7, 4/7.
  const week = [touch("t14", 14), touch("t7", 7), touch("t0", 0)];

  it("weighs each touch 2^(−days before close / 7), normalised", () => {
    // 70,000 × 1/7, 2/7, 4/7 = 10,000, 20,000, 40,000.
    expect(centsById(attributeDeal(deal(70_000, 20, 30), week, "time-decay"))).toEqual({
      t14: 10_000,
      t7: 20_000,
      t0: 40_000,
    });
  });

  it("rounds by largest remainder", () => {
    // 100 × 1/7, 2/7, 4/7 = 14.29, 28.57, 57.14 → floors 14 + 28 + 57 = 99; the largest remainder (.57) is t7's.
    expect(centsById(attributeDeal(deal(100, 20, 30), week, "time-decay"))).toEqual({
      t14: 14,
      t7: 29,
      t0: 57,
    });
  });

  it("takes the half-life from the options", () => {
    // Half-life 40: the touch 50 d before weighs 2^(−50/40), the one 10 d before 2^(−10/40): ratio 1 : 2.
    // 1,000 / 3 = 333.33 and 666.67 → 333 + 666 = 999; the spare cent to the larger remainder, t2.
    const credits = attributeDeal(deal(1_000, 20, 60), [touch("t1", 50), touch("t2", 10)], "time-decay", {
      halfLifeDays: 40,
    });
    expect(centsById(credits)).toEqual({ t1: 333, t2: 667 });
    expect(credits.every((c) => c.roles.length === 0)).toBe(true);
  });

  it("keeps its ratios for touches long before close, where 2^(−days/half-life) underflows", () => {
    // Half-life 1: 2^−301 and 2^−300 are 1 : 2; 300 → 100 and 200.
    const credits = attributeDeal(
      deal(300, 350, 360),
      [touch("old", 301), touch("older", 300)],
      "time-decay",
      {
        halfLifeDays: 1,
        lookbackDays: 2_000,
      },
    );
    expect(centsById(credits)).toEqual({ old: 100, older: 200 });
    // Half-life 0.1: 2^(−1000 / 0.1) = 2^−10000 is 0 in floating point, yet the lone touch still takes all 10.
    const ancient = attributeDeal(deal(10, 350, 360), [touch("x", 1_000)], "time-decay", {
      halfLifeDays: 0.1,
      lookbackDays: 2_000,
    });
    expect(centsById(ancient)).toEqual({ x: 10 });
  });

  it("splits touches at the same instant equally, the spare cent to the lower id", () => {
    // Equal weights: 3 / 2 = 1.5 each → 1 + 1, the spare cent to a.
    expect(centsById(attributeDeal(deal(3, 20, 30), [touch("b", 4), touch("a", 4)], "time-decay"))).toEqual({
      a: 2,
      b: 1,
    });
  });
});

describe("attributeDeal: the look-back window", () => {
  it("counts touches from exactly 365 days before close through the close, inclusive", () => {
    const touches = [
      { ...touch("too-old", 365), at: new Date(before(365).getTime() - 1) }, // 1 ms before the window opens
      touch("edge", 365),
      touch("at-close", 0),
      { ...touch("after", 0), at: new Date(CLOSE.getTime() + 1) }, // 1 ms after close
    ];
    // linear over the two in-window touches: 50 / 50.
    expect(centsById(attributeDeal(deal(100, 10, 20), touches, "linear"))).toEqual({
      edge: 50,
      "at-close": 50,
    });
  });

  it("returns no credits when no touch falls in the window", () => {
    expect(attributeDeal(deal(100, 10, 20), [touch("old", 400), touch("later", -2)], "w")).toEqual([]);
    expect(attributeDeal(deal(100, 10, 20), [], "first")).toEqual([]);
  });

  it("takes the look-back from the options and sets anchors within the window only", () => {
    // With 30 days, only t2 (20 d) and t3 (5 d) count; lead (100 d) and deal (40 d) precede both → missing,
    // so w gives t2 (first) 90% and t3 (middle) 10%.
    const touches = [touch("t1", 200), touch("t2", 20), touch("t3", 5)];
    const credits = attributeDeal(deal(1_000, 40, 100), touches, "w", { lookbackDays: 30 });
    expect(centsById(credits)).toEqual({ t2: 900, t3: 100 });
  });

  it("skips touches with an invalid date", () => {
    const broken = { ...touch("bad", 3), at: new Date(Number.NaN) };
    expect(centsById(attributeDeal(deal(10, 10, 20), [broken, touch("ok", 2)], "linear"))).toEqual({
      ok: 10,
    });
  });
});

describe("attributeDeal: bad input", () => {
  it("refuses amounts that are not whole cents ≥ 0, and says how to fix them", () => {
    for (const amountCents of [-1, 1.5, Number.NaN]) {
      expect(() => attributeDeal({ ...deal(0, 1, 2), amountCents }, [touch("t", 1)], "w")).toThrow(
        expect.objectContaining({
          code: "invalid_deal_amount",
          message: expect.stringContaining("whole cents"),
        }),
      );
    }
  });

  it("refuses a half-life or look-back that is not a usable number of days", () => {
    const d = deal(100, 1, 2);
    expect(() => attributeDeal(d, [], "time-decay", { halfLifeDays: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_half_life" }),
    );
    expect(() => attributeDeal(d, [], "w", { lookbackDays: -1 })).toThrow(
      expect.objectContaining({ code: "invalid_lookback" }),
    );
  });
});
