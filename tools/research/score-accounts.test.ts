import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bdStore } from "../crm/test-fixture.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { researchAccountProfile } from "./account-profile.ts";
import { accountFit, industryMix, researchScoreAccounts } from "./score-accounts.ts";

describe("accountFit", () => {
  it("takes the most senior contact's title points, and none without titles", () => {
    const base = { industry: "SaaS", employees: 800, country: "US" };
    expect(accountFit({ ...base, titles: [] })).toMatchObject({ fit: 75, bestTitle: null });
    expect(accountFit({ ...base, titles: ["Analyst", "Director of Ops", "Sales Manager"] })).toMatchObject({
      fit: 90,
      bestTitle: "Director of Ops",
    });
  });
});

describe("industryMix", () => {
  it("counts, averages and orders industries", () => {
    expect(
      industryMix([
        { industry: "A", fit: 61 },
        { industry: "B", fit: 10 },
        { industry: "A", fit: 50 },
        { industry: null, fit: 70 },
      ]),
    ).toEqual([
      { industry: "A", accounts: 2, averageFit: 55.5, inIcp: 1 },
      { industry: "B", accounts: 1, averageFit: 10, inIcp: 0 },
      { industry: "unknown", accounts: 1, averageFit: 70, inIcp: 1 },
    ]);
  });
});

describe("research tools over the BD fixture", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());

  it("filters by minimum fit and industry, ignoring case", async () => {
    const strong = await callTool(researchScoreAccounts, ctx, { minFit: 95 });
    expect(strong.accounts.map((a) => a.domain)).toEqual(["acme.com", "stark.com", "hooli.com"]);
    expect(strong.total).toBe(8);
    const saas = await callTool(researchScoreAccounts, ctx, { industry: "saas", limit: 1 });
    expect(saas).toMatchObject({ total: 3, accounts: [{ domain: "acme.com" }] });
  });

  it("profiles one account by domain, URL or email, and refuses free mail", async () => {
    const hooli = await callTool(researchAccountProfile, ctx, { domain: "https://www.hooli.com/about" });
    expect(hooli).toMatchObject({ found: true, fit: 95, customer: true, wonDeals: 2, openOpportunities: 1 });
    expect(await callTool(researchAccountProfile, ctx, { domain: "new.io" })).toEqual({
      domain: "new.io",
      found: false,
    });
    await expect(callTool(researchAccountProfile, ctx, { domain: "gmail.com" })).rejects.toThrow(/free-mail/);
  });
});
