import { describe, expect, it } from "vitest";
import { check, combine, skipped } from "./check.ts";

describe("check and combine", () => {
  it("passes a check only at full marks and rounds to 4 places", () => {
    expect(check("x", 1, "")).toMatchObject({ pass: true, score: 1 });
    expect(check("x", 0.99999, "")).toMatchObject({ pass: true, score: 1 });
    expect(check("x", 2 / 3, "")).toMatchObject({ pass: false, score: 0.6667 });
    expect(check("x", 1.5, "").score).toBe(1);
  });

  it("averages counted checks and ignores skipped ones", () => {
    expect(combine([check("a", 1, ""), check("b", 0.5, ""), skipped("judge", "no judge")])).toEqual({
      pass: false,
      score: 0.75,
    });
    expect(combine([skipped("judge", "no judge")])).toEqual({ pass: true, score: 1 });
  });

  it("scores a case 0 when a fatal check fails", () => {
    const fatal = { ...check("policy", 0, "1 effect"), fatal: true };
    expect(combine([check("a", 1, ""), check("b", 1, ""), fatal])).toEqual({ pass: false, score: 0 });
    expect(combine([check("a", 1, ""), { ...check("policy", 1, ""), fatal: true }])).toEqual({
      pass: true,
      score: 1,
    });
  });
});
