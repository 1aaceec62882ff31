import { describe, expect, it } from "vitest";
import { checkCeilings, type PolicyCeilings } from "./index.ts";

const ceilings: PolicyCeilings = {
  partnershipBands: [{ name: "referral", minPct: 5, maxPct: 15, matches: (t) => /referral/i.test(t) }],
  widestPartnershipBand: { name: "partnership", minPct: 2, maxPct: 30 },
  discountBand: { name: "discount", minPct: 0, maxPct: 30 },
  maxAudienceAccounts: 3,
  maxEnrolContacts: 2,
  campaignChannels: ["email", "webinar"],
  maxNewOpportunities: 1,
};
const common = { rationale: "r" };
const offer = (kind: "discount" | "partnership", discountPct: number, terms = "terms") => ({
  type: "make_offer" as const,
  accountDomain: "acme.com",
  opportunityId: null,
  kind,
  discountPct,
  terms,
  ...common,
});

describe("policy ceilings", () => {
  it("refuses a discount over its band, naming the band, and lets the band's edge through", () => {
    expect(checkCeilings(offer("discount", 90), ceilings)).toEqual({
      rule: "ceiling:discount_band",
      reason: "90% is outside the discount band (0–30%).",
    });
    expect(checkCeilings(offer("discount", 30), ceilings)).toBeNull();
  });

  it("holds a partnership offer to the band its terms name, else the widest", () => {
    expect(checkCeilings(offer("partnership", 20, "Referral fee"), ceilings)?.reason).toContain("referral");
    expect(checkCeilings(offer("partnership", 20, "Reseller margin"), ceilings)).toBeNull();
    expect(checkCeilings(offer("partnership", 1, "Reseller margin"), ceilings)?.rule).toBe(
      "ceiling:discount_band",
    );
  });

  it("refuses audiences over the size limit and campaigns on other channels", () => {
    const campaign = (audienceDomains: string[], channel = "email") => ({
      type: "create_campaign" as const,
      campaignId: "c",
      name: "n",
      channel,
      budgetCents: 1,
      audienceDomains,
      ...common,
    });
    expect(checkCeilings(campaign(["a", "b", "c"]), ceilings)).toBeNull();
    expect(checkCeilings(campaign(["a", "b", "c", "d"]), ceilings)?.rule).toBe("ceiling:max_audience");
    expect(checkCeilings(campaign(["a"], "tv"), ceilings)?.rule).toBe("ceiling:allowed_channels");
    const enrol = (n: number) => ({
      type: "enrol_in_campaign" as const,
      campaignId: "c",
      channel: "email" as const,
      templateId: "t",
      contacts: Array.from({ length: n }, (_, i) => ({ email: `p${i}@x.com`, accountDomain: "x.com" })),
      ...common,
    });
    expect(checkCeilings(enrol(2), ceilings)).toBeNull();
    expect(checkCeilings(enrol(3), ceilings)?.rule).toBe("ceiling:max_audience");
  });

  it("counts new opportunities per run", () => {
    const opp = {
      type: "create_opportunity" as const,
      accountDomain: "a.com",
      name: "n",
      amountCents: 1,
      ...common,
    };
    expect(checkCeilings(opp, ceilings, 0)).toBeNull();
    expect(checkCeilings(opp, ceilings, 1)?.rule).toBe("ceiling:max_new_opportunities");
  });
});
