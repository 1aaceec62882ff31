import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampToBand, DISCOUNT_BANDS, PARTNER_TYPES, partnerTypeOf, startingPct } from "./discount-bands.ts";

describe("discount bands", () => {
  it("never lets a percentage out of its band, and says when it moved", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PARTNER_TYPES),
        fc.double({ min: -50, max: 200, noNaN: true }),
        (type, pct) => {
          const band = DISCOUNT_BANDS[type];
          const out = clampToBand(pct, band);
          expect(out.pct).toBeGreaterThanOrEqual(band.minPct);
          expect(out.pct).toBeLessThanOrEqual(band.maxPct);
          expect(out.clamped).toBe(pct < band.minPct || pct > band.maxPct);
        },
      ),
    );
    expect(clampToBand(35, DISCOUNT_BANDS.reseller)).toEqual({ pct: 30, clamped: true });
    expect(clampToBand(30, DISCOUNT_BANDS.reseller)).toEqual({ pct: 30, clamped: false });
  });

  it("starts at the top for fit ≥ 70, the bottom under 40, the default between or when unknown", () => {
    const band = DISCOUNT_BANDS.referral;
    expect([70, 69, 40, 39, null].map((f) => startingPct(band, f))).toEqual([15, 10, 10, 5, 10]);
  });

  it("reads the partner type from words", () => {
    expect(partnerTypeOf("Reseller")).toBe("reseller");
    expect(partnerTypeOf("we want to integrate")).toBe("technology");
    expect(partnerTypeOf("affiliate program")).toBe("referral");
    expect(partnerTypeOf("hello")).toBeNull();
    expect(partnerTypeOf(undefined)).toBeNull();
  });
});
