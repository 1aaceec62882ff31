import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeDeal } from "./attribute-deal.ts";
import { ATTRIBUTION_MODELS } from "./models.ts";
import { rollUp } from "./roll-up.ts";
import { dealArb, touchesArb } from "./test-fixtures.ts";

const modelArb = fc.constantFrom(...ATTRIBUTION_MODELS);

describe("attribution properties", () => {
  it("credits sum to the deal amount exactly, none negative, when any touch is in the window", () => {
    fc.assert(
      fc.property(dealArb, touchesArb, modelArb, (deal, touches, model) => {
        const credits = attributeDeal(deal, touches, model);
        for (const c of credits) expect(Number.isSafeInteger(c.cents) && c.cents >= 0).toBe(true);
        if (credits.length > 0) expect(credits.reduce((s, c) => s + c.cents, 0)).toBe(deal.amountCents);
      }),
      { numRuns: 500 },
    );
  });

  it("linear (and every other model) ignores the order of the input array", () => {
    fc.assert(
      fc.property(
        dealArb,
        touchesArb.chain((ts) =>
          fc.tuple(fc.constant(ts), fc.shuffledSubarray(ts, { minLength: ts.length })),
        ),
        modelArb,
        (deal, [touches, shuffled], model) => {
          expect(attributeDeal(deal, shuffled, "linear")).toEqual(attributeDeal(deal, touches, "linear"));
          expect(attributeDeal(deal, shuffled, model)).toEqual(attributeDeal(deal, touches, model));
        },
      ),
    );
  });

  it("linear gives every touch in the window the same amount, up to one cent", () => {
    fc.assert(
      fc.property(dealArb, touchesArb, (deal, touches) => {
        const cents = attributeDeal(deal, touches, "linear").map((c) => c.cents);
        if (cents.length > 0) expect(Math.max(...cents) - Math.min(...cents)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("time-decay never gives a later touch less than an earlier one, beyond one cent of rounding", () => {
    fc.assert(
      fc.property(
        dealArb,
        touchesArb,
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        (deal, touches, halfLife) => {
          const credits = attributeDeal(deal, touches, "time-decay", { halfLifeDays: halfLife });
          for (let i = 1; i < credits.length; i++) {
            for (let j = 0; j < i; j++)
              expect(credits[i]!.cents).toBeGreaterThanOrEqual(credits[j]!.cents - 1);
          }
        },
      ),
    );
  });

  it("no anchor role is held by more than one touch", () => {
    fc.assert(
      fc.property(dealArb, touchesArb, modelArb, (deal, touches, model) => {
        const roles = attributeDeal(deal, touches, model).flatMap((c) => c.roles);
        expect(new Set(roles).size).toBe(roles.length);
      }),
    );
  });

  it("a roll-up's totals equal the credited deals' amounts on every axis", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dealArb, touchesArb), { maxLength: 5 }), modelArb, (pairs, model) => {
        const deals = pairs.map(([deal, touches]) => ({ deal, touches }));
        const r = rollUp(deals, model);
        const credited = deals.filter((d) => attributeDeal(d.deal, d.touches, model).length > 0);
        const sum = (rec: Record<string, number>) => Object.values(rec).reduce((a, b) => a + b, 0);
        expect(r.totalCents).toBe(credited.reduce((s, d) => s + d.deal.amountCents, 0));
        expect([sum(r.byCampaign), sum(r.byChannel), sum(r.byAgent)]).toEqual([
          r.totalCents,
          r.totalCents,
          r.totalCents,
        ]);
        expect(r.dealsCredited + r.dealsWithoutTouches).toBe(deals.length);
      }),
    );
  });
});
