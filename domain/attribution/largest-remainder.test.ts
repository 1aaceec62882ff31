import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largestRemainder } from "./largest-remainder.ts";

describe("largestRemainder", () => {
  it("floors each exact share and gives the spare units to the largest remainders", () => {
    // 10 × 1/6, 2/6, 3/6 = 1.67, 3.33, 5 → 1 + 3 + 5 = 9; the one spare unit to .67 → 2, 3, 5.
    expect(largestRemainder(10, [1n, 2n, 3n])).toEqual([2, 3, 5]);
  });

  it("breaks equal remainders toward the earlier part", () => {
    // 2 / 3 = 0.67 each → 0, 0, 0 and 2 spare units to parts 0 and 1.
    expect(largestRemainder(2, [1n, 1n, 1n])).toEqual([1, 1, 0]);
    // A zero weight never gets a spare unit: 1 × 1/2 each = 0.5 → to the first non-zero part.
    expect(largestRemainder(1, [0n, 1n, 1n])).toEqual([0, 1, 0]);
  });

  it("stays exact for amounts and weights far beyond 2^53 when multiplied", () => {
    // 9,007,199,254,740,991 × 2^53 overflows a double; split 1 : 2 → 3,002,399,751,580,330.33 and …660.67.
    expect(largestRemainder(Number.MAX_SAFE_INTEGER, [2n ** 53n, 2n ** 54n])).toEqual([
      3_002_399_751_580_330, 6_004_799_503_160_661,
    ]);
  });

  it("refuses weights that are all zero", () => {
    expect(() => largestRemainder(5, [0n, 0n])).toThrow(RangeError);
  });

  it("always sums to the amount, each part within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 10 }),
        (amount, raw) => {
          const weights = raw.some((w) => w > 0n) ? raw : [...raw, 1n];
          const parts = largestRemainder(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0n);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          parts.forEach((p, i) => {
            const exactTimesTotal = BigInt(amount) * weights[i]!;
            expect(
              BigInt(p) * total >= exactTimesTotal - total && BigInt(p) * total <= exactTimesTotal + total,
            ).toBe(true);
          });
        },
      ),
    );
  });
});
