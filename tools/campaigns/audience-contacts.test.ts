import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketingStore } from "../analytics/test-fixture.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { campaignAudienceContacts } from "./audience-contacts.ts";
import { campaignList } from "./list-campaigns.ts";

describe("campaign_audience_contacts", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("lists contacts with personas and skips do-not-contact, unsubscribed and suppressed ones", async () => {
    const out = await callTool(campaignAudienceContacts, ctx, {
      accountDomains: ["acme.com", "www.stark.com"],
    });
    expect(out.contacts.map((c) => [c.email, c.persona])).toEqual([
      ["ana@acme.com", "manager"],
      ["carl@acme.com", "executive"],
      ["dev@acme.com", "practitioner"],
    ]);
    expect(out.skipped).toEqual([
      { email: "sam@acme.com", accountDomain: "acme.com", reason: "do_not_contact" },
      { email: "uma@acme.com", accountDomain: "acme.com", reason: "unsubscribed" },
      { email: "tony@stark.com", accountDomain: "stark.com", reason: "objection" },
    ]);
  });

  it("filters by persona and refuses an empty account list", async () => {
    const out = await callTool(campaignAudienceContacts, ctx, {
      accountDomains: ["acme.com"],
      personas: ["executive"],
    });
    expect(out.contacts.map((c) => c.email)).toEqual(["carl@acme.com"]);
    await expect(callTool(campaignAudienceContacts, ctx, { accountDomains: [] })).rejects.toThrow(
      /accountDomains/,
    );
  });
});

describe("campaign_list", () => {
  it("lists campaigns newest first, filtered by status", async () => {
    const { ctx, close } = await marketingStore();
    const out = await callTool(campaignList, ctx, { statuses: ["planned", "active"] });
    expect(out.campaigns.map((c) => c.id)).toEqual(["cmp-nurture", "cmp-webinar"]);
    await expect(callTool(campaignList, ctx, { limit: 0 })).rejects.toThrow(/limit/);
    await close();
  });
});
