import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BD_NOW, bdStore } from "../tools/crm/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentRequest } from "./agent.ts";
import type { MarketBriefArtefact } from "./bd/artefacts.ts";
import { makeKit } from "./kit.ts";
import { opportunityScout } from "./opportunity-scout.ts";

const spike = (domain: string, data: Record<string, unknown> = {}): AgentRequest => ({
  kind: "event",
  eventId: "e1",
  event: {
    event_type: "engagement_spike",
    source_agent: "web-analytics",
    entity_type: "account",
    entity_id: domain,
    action: "spiked",
    data,
  },
});

describe("opportunity-scout playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());
  const run = (request: AgentRequest, artefacts = {}) =>
    opportunityScout.playbook({ request, artefacts, now: BD_NOW }, makeKit(opportunityScout, ctx));

  it("sweeps spikes into opportunity candidates sized by the segment's average won deal", async () => {
    const brief: MarketBriefArtefact = {
      trigger: "play weekly-market-scan",
      industry: null,
      accountsScored: 1,
      icpThreshold: 60,
      inIcp: 1,
      topAccounts: [
        {
          domain: "acme.com",
          fit: 100,
          reasons: [],
          industry: "SaaS",
          sizeBand: "201-1000",
          openOpportunities: 0,
          owned: false,
          suppressed: false,
        },
      ],
      whiteSpace: ["acme.com"],
      industryMix: [],
    };
    const out = await run({ kind: "play", play: "weekly-market-scan" }, { "market-intelligence": brief });
    // acme: SaaS 201-1000, hooli's won $30k and $60k → $45k. umbrella: no Healthcare win → all wins ($30k+$60k+$120k)/3.
    expect(out.proposals).toEqual([
      expect.objectContaining({
        type: "create_opportunity",
        accountDomain: "acme.com",
        amountCents: 4_500_000,
      }),
      expect.objectContaining({
        type: "create_opportunity",
        accountDomain: "umbrella.com",
        amountCents: 7_000_000,
      }),
    ]);
    expect(
      out.artefact.candidates.map((c) => [c.accountDomain, c.recent, c.previous, c.fit, c.basis]),
    ).toEqual([
      ["acme.com", 4, 1, 100, "average of 2 won deal(s) in SaaS 201-1000"],
      ["umbrella.com", 3, 0, null, "average of 3 won deal(s) in all accounts"],
    ]);
    // hooli spiked (4 vs 0) but has an open deal; stark spiked but is suppressed; vandelay (3 vs 2) is no spike.
    expect(out.artefact.skipped).toEqual([
      { accountDomain: "hooli.com", reason: "already has 1 open opportunity(ies)" },
      { accountDomain: "stark.com", reason: "the account is suppressed" },
    ]);
    expect(opportunityScout.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("checks the account an engagement_spike names, counting a large reported surge", async () => {
    const quiet = await run(spike("vandelay.com", { visits: 12 }));
    expect(quiet.proposals).toEqual([]);
    expect(quiet.artefact.skipped[0]!.reason).toBe(
      "no spike: 3 touches in the last 14 days to 2 Mar against 2 before, 12 visits reported (under 20)",
    );
    const loud = await run(spike("vandelay.com", { visits: 25 }));
    // Retail 11-50 has no win, nor Retail: all wins average $70k.
    expect(loud.proposals).toEqual([
      expect.objectContaining({ accountDomain: "vandelay.com", amountCents: 7_000_000 }),
    ]);
    expect(loud.artefact.candidates[0]!.reported).toBe("25 visits");
  });

  it("never proposes a second opportunity, nor one on an unknown account", async () => {
    const owned = await run(spike("hooli.com", { visits: 40 }));
    expect(owned.proposals).toEqual([]);
    expect(owned.summary).toMatch(/open opportunity/);
    const unknown = await run(spike("nowhere.io"));
    expect(unknown.proposals).toEqual([]);
    expect(unknown.summary).toMatch(/not an account in the CRM/);
  });

  it("still proposes a candidate when nothing was ever won, at 0 for the owner to size", async () => {
    await ctx.db.deleteFrom("opportunities").where("stage", "=", "closed_won").execute();
    const out = await run(spike("acme.com"));
    expect(out.proposals).toEqual([expect.objectContaining({ accountDomain: "acme.com", amountCents: 0 })]);
    expect(out.artefact.candidates[0]!.basis).toBe(
      "no deal has been won yet; amount left for the owner to set",
    );
  });
});
