import { describe, expect, it } from "vitest";
import { attributeDeal } from "./attribute-deal.ts";
import { ATTRIBUTION_MODELS } from "./models.ts";
import { centsById, deal, touch } from "./test-fixtures.ts";

// A five-touch path: lead created 55 days and the deal 25 days before close.
// Anchors: first = t1; lead creation = last touch ≤ 55 d before = t3 (60 d); deal creation = last ≤ 25 d = t4 (30 d);
// closed-won = t5.
const FIVE = [touch("t1", 100), touch("t2", 80), touch("t3", 60), touch("t4", 30), touch("t5", 5)];
const fiveDeal = deal(100_000, 25, 55);

describe("attributeDeal on a five-touch path with every anchor present", () => {
  it("first: 100% to the earliest touch", () => {
    expect(centsById(attributeDeal(fiveDeal, FIVE, "first"))).toEqual({
      t1: 100_000,
      t2: 0,
      t3: 0,
      t4: 0,
      t5: 0,
    });
  });

  it("last: 100% to the closed-won (last) touch", () => {
    expect(centsById(attributeDeal(fiveDeal, FIVE, "last"))).toEqual({
      t1: 0,
      t2: 0,
      t3: 0,
      t4: 0,
      t5: 100_000,
    });
  });

  it("linear: 100,000 / 5 = 20,000 each", () => {
    expect(centsById(attributeDeal(fiveDeal, FIVE, "linear"))).toEqual({
      t1: 20_000,
      t2: 20_000,
      t3: 20_000,
      t4: 20_000,
      t5: 20_000,
    });
  });

  it("u: 40% first, 40% lead creation, 20% over the 3 middle touches with the spare cents to the earliest", () => {
    // t1 40,000; t3 40,000; t2, t4, t5 each 20,000 / 3 = 6,666.67 → 6,666 and 2 spare cents to t2 and t4.
    const credits = attributeDeal(fiveDeal, FIVE, "u");
    expect(centsById(credits)).toEqual({ t1: 40_000, t2: 6_667, t3: 40_000, t4: 6_667, t5: 6_666 });
    expect(credits.map((c) => c.roles)).toEqual([["first"], [], ["lead_creation"], [], []]);
  });

  it("w: 30% each to first, lead and deal creation, 10% over the 2 middle touches", () => {
    // t1, t3, t4 30,000 each; t2 and t5 10,000 / 2 = 5,000 each.
    const credits = attributeDeal(fiveDeal, FIVE, "w");
    expect(centsById(credits)).toEqual({ t1: 30_000, t2: 5_000, t3: 30_000, t4: 30_000, t5: 5_000 });
    expect(credits.map((c) => c.roles)).toEqual([["first"], [], ["lead_creation"], ["deal_creation"], []]);
  });

  it("full-path: 22.5% to each of the four anchors, 10% to the one middle touch", () => {
    // t1, t3, t4, t5 22,500 each; t2 10,000.
    const credits = attributeDeal(fiveDeal, FIVE, "full-path");
    expect(centsById(credits)).toEqual({ t1: 22_500, t2: 10_000, t3: 22_500, t4: 22_500, t5: 22_500 });
    expect(credits.map((c) => c.roles)).toEqual([
      ["first"],
      [],
      ["lead_creation"],
      ["deal_creation"],
      ["closed_won"],
    ]);
  });

  it("returns the credits in time order whatever order the touches came in", () => {
    const reversed = [...FIVE].reverse();
    expect(attributeDeal(fiveDeal, reversed, "w").map((c) => c.touchId)).toEqual([
      "t1",
      "t2",
      "t3",
      "t4",
      "t5",
    ]);
  });
});

describe("attributeDeal on small paths", () => {
  it("gives a single touch the whole amount under every model", () => {
    for (const model of ATTRIBUTION_MODELS) {
      // Whatever the shares, every anchor is this touch or missing (→ first touch), and there is no middle.
      expect(attributeDeal(deal(12_345, 20, 40), [touch("only", 30)], model), model).toEqual([
        expect.objectContaining({ touchId: "only", cents: 12_345 }),
      ]);
    }
  });

  // Two touches, lead created 60 d before close (before every touch: lead anchor missing), deal 20 d before (→ t1).
  const two = [touch("t1", 50), touch("t2", 10)];
  const twoDeal = deal(1_000, 20, 60);
  it.each([
    // first: t1 100%.
    ["first", { t1: 1_000, t2: 0 }],
    // last: t2 100%.
    ["last", { t1: 0, t2: 1_000 }],
    // linear: 1,000 / 2.
    ["linear", { t1: 500, t2: 500 }],
    // u: t1 first 40% + missing lead 40% = 80%; t2 is middle: 20%.
    ["u", { t1: 800, t2: 200 }],
    // w: t1 first 30% + missing lead 30% + deal 30% = 90%; t2 is middle: 10%.
    ["w", { t1: 900, t2: 100 }],
    // full-path: t1 3 × 22.5% = 67.5%, t2 closed-won 22.5%; no middle, so 10% pro rata:
    // t1 67.5 / 90 = 75%, t2 22.5 / 90 = 25%.
    ["full-path", { t1: 750, t2: 250 }],
  ] as const)("two touches, lead anchor missing: %s", (model, expected) => {
    expect(centsById(attributeDeal(twoDeal, two, model))).toEqual(expected);
  });

  it("sums the shares of a touch holding several roles", () => {
    // t1 (90 d) is first and lead creation (lead 50 d before: last touch at or before is t1); t2 (40 d) is deal
    // creation (deal 35 d before); t3 (10 d) is closed-won.
    const path = [touch("t1", 90), touch("t2", 40), touch("t3", 10)];
    const d = deal(10_000, 35, 50);
    // w: t1 30% + 30% = 60%, t2 30%, t3 middle 10%.
    const w = attributeDeal(d, path, "w");
    expect(centsById(w)).toEqual({ t1: 6_000, t2: 3_000, t3: 1_000 });
    expect(w[0]!.roles).toEqual(["first", "lead_creation"]);
    // u: t1 40% + 40% = 80%; t2 and t3 are middle, 10% each.
    expect(centsById(attributeDeal(d, path, "u"))).toEqual({ t1: 8_000, t2: 1_000, t3: 1_000 });
    // full-path: t1 45%, t2 22.5%, t3 22.5%, no middle → ÷ 90%: 50%, 25%, 25%.
    const full = attributeDeal(d, path, "full-path");
    expect(centsById(full)).toEqual({ t1: 5_000, t2: 2_500, t3: 2_500 });
    expect(full.map((c) => c.roles)).toEqual([["first", "lead_creation"], ["deal_creation"], ["closed_won"]]);
  });

  it("gives the lead-creation share to the first touch when the account has no contact date", () => {
    // Five-touch path, no lead anchor: w gives t1 30% + 30% = 60,000, t4 30,000; middle t2, t3, t5 share 10,000:
    // 3,333.33 each → 3,333 and the spare cent to the earliest, t2.
    const credits = attributeDeal(deal(100_000, 25, null), FIVE, "w");
    expect(centsById(credits)).toEqual({ t1: 60_000, t2: 3_334, t3: 3_333, t4: 30_000, t5: 3_333 });
    expect(credits[0]!.roles).toEqual(["first"]);
    // u: t1 80,000; the 4 middle touches 5,000 each.
    expect(centsById(attributeDeal(deal(100_000, 25, null), FIVE, "u"))).toEqual({
      t1: 80_000,
      t2: 5_000,
      t3: 5_000,
      t4: 5_000,
      t5: 5_000,
    });
  });

  it("hands the middle share to the anchors pro rata when there is no middle touch, ties to the earlier", () => {
    // t1 first, t2 lead creation (lead 35 d), t3 deal creation (deal 5 d) and closed-won.
    const path = [touch("t1", 60), touch("t2", 40), touch("t3", 10)];
    // w: 30 / 30 / 30 with no middle → a third each: 1,000 / 3 = 333.33 → 333 each, the spare cent to t1.
    expect(centsById(attributeDeal(deal(1_000, 5, 35), path, "w"))).toEqual({ t1: 334, t2: 333, t3: 333 });
    // u on two touches, first and lead creation: 40 / 40 → half each of 1,001 = 500.5 → t1 501, t2 500.
    const u = attributeDeal(deal(1_001, 5, 35), [touch("t1", 60), touch("t2", 40)], "u");
    expect(centsById(u)).toEqual({ t1: 501, t2: 500 });
  });

  it("breaks ties in time by touch id", () => {
    // Both touches at the same instant, given as [b, a]: the path is a, b.
    const same = [touch("b", 10), touch("a", 10)];
    const d = deal(3, 20, 30);
    // first → a; last → b.
    expect(centsById(attributeDeal(d, same, "first"))).toEqual({ a: 3, b: 0 });
    expect(centsById(attributeDeal(d, same, "last"))).toEqual({ a: 0, b: 3 });
    // linear: 1.5 each → 1 each, the spare cent to a (earlier in the path).
    expect(attributeDeal(d, same, "linear")).toEqual([
      { touchId: "a", cents: 2, roles: [] },
      { touchId: "b", cents: 1, roles: [] },
    ]);
  });

  it("credits zero-amount deals with zeros and never invents cents", () => {
    expect(centsById(attributeDeal(deal(0, 20, 30), [touch("t1", 10), touch("t2", 5)], "w"))).toEqual({
      t1: 0,
      t2: 0,
    });
  });
});
