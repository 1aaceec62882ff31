import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callTool, type ToolContext } from "../tool.ts";
import { type AccountContact, crmAccountContacts, mainContact } from "./account-contacts.ts";
import { crmLeadContext } from "./lead-context.ts";
import { bdStore } from "./test-fixture.ts";

const c = (email: string, over: Partial<AccountContact> = {}): AccountContact => ({
  email,
  accountDomain: "acme.com",
  persona: "practitioner",
  crm: { firstName: null, title: null },
  reachable: true,
  lastTouchAt: null,
  ...over,
});

describe("mainContact", () => {
  it("prefers the most recently touched reachable contact, then seniority, then email", () => {
    expect(
      mainContact([
        c("a@x.com"),
        c("b@x.com", { lastTouchAt: "2026-01-01" }),
        c("z@x.com", { lastTouchAt: "2026-02-01", reachable: false }),
      ])?.email,
    ).toBe("b@x.com");
    expect(mainContact([c("a@x.com"), c("b@x.com", { persona: "executive" })])?.email).toBe("b@x.com");
    expect(mainContact([c("b@x.com"), c("a@x.com")])?.email).toBe("a@x.com");
    expect(mainContact([c("a@x.com", { reachable: false })])).toBeUndefined();
  });
});

describe("CRM tools over the BD fixture", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());

  it("finds an account's contacts by name or domain, marking who cannot be reached", async () => {
    const byName = await callTool(crmAccountContacts, ctx, { account: "Acme's" });
    expect(byName.accounts).toEqual([{ domain: "acme.com", name: "Acme" }]);
    expect(byName.contacts.map((x) => [x.email, x.persona, x.reachable])).toEqual([
      ["ana@acme.com", "manager", true],
      ["carl@acme.com", "executive", true],
      ["sam@acme.com", "manager", false],
    ]);
    const stark = await callTool(crmAccountContacts, ctx, { account: "stark.com" });
    expect(stark.contacts).toEqual([expect.objectContaining({ email: "tony@stark.com", reachable: true })]);
    expect((await callTool(crmAccountContacts, ctx, { account: "Nobody" })).contacts).toEqual([]);
  });

  it("gives a lead's context: free mail, flags, open deals, sequences and last touch", async () => {
    const hank = await callTool(crmLeadContext, ctx, { email: " Hank@Hooli.com " });
    expect(hank).toMatchObject({
      email: "hank@hooli.com",
      found: true,
      freeMail: false,
      persona: "executive",
      accountDomain: "hooli.com",
      openOpportunities: [{ id: "opp-hooli-3", stage: "negotiation" }],
      activeSequences: [{ id: "seq-hank" }],
      daysSinceTouch: 2,
    });
    const joe = await callTool(crmLeadContext, ctx, { email: "joe@gmail.com" });
    expect(joe).toMatchObject({ freeMail: true, accountDomain: null, lead: { fit: 20 } });
    expect(await callTool(crmLeadContext, ctx, { email: "x@y.com" })).toEqual({
      email: "x@y.com",
      found: false,
    });
    await expect(callTool(crmLeadContext, ctx, { email: "not an email" })).rejects.toThrow(/not an email/);
  });
});
