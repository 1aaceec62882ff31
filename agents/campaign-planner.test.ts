import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GrowthEvent } from "../domain/events.ts";
import { MARKETING_NOW, marketingStore } from "../tools/analytics/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentInput } from "./agent.ts";
import { campaignPlanner } from "./campaign-planner.ts";
import { makeKit } from "./kit.ts";
import type { StrategyArtefact } from "./marketing/artefacts.ts";

const requested: GrowthEvent = {
  event_type: "campaign_requested",
  source_agent: "growth-lead",
  entity_type: "campaign",
  entity_id: "Spring SaaS",
  action: "requested",
  data: { goal: "pipeline from SaaS mid-market", industry: "SaaS", channel: "webinar" },
};

describe("campaign-planner playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());
  const run = (input: Partial<AgentInput> & Pick<AgentInput, "request">) =>
    campaignPlanner.playbook({ artefacts: {}, now: MARKETING_NOW, ...input }, makeKit(campaignPlanner, ctx));

  it("proposes a campaign for the requested segment without BD-owned accounts, listing exclusions", async () => {
    const out = await run({ request: { kind: "event", eventId: "e1", event: requested } });
    expect(out.proposals).toEqual([
      expect.objectContaining({
        type: "create_campaign",
        campaignId: "cmp-spring-saas",
        channel: "webinar",
        budgetCents: 1_000_000,
        audienceDomains: ["acme.com", "hooli.com"],
      }),
    ]);
    expect(out.artefact.exclusions.map((e) => [e.domain, e.reasons.map((r) => r.rule)])).toEqual([
      ["initech.com", ["active_bd_sequence"]],
      ["stark.com", ["account_suppressed"]],
    ]);
    expect(out.handoffs).toEqual(["content-creation"]);
    expect(campaignPlanner.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("follows the strategy's focus segment and channel budget", async () => {
    const strategy: StrategyArtefact = {
      trigger: "play",
      segments: [],
      focus: { industry: "Healthcare", sizeBand: "51-200" },
      budget: {
        totalCents: 900_000,
        model: "w_shaped",
        floorCents: 0,
        channels: [{ channel: "events", attributedCents: 1, budgetCents: 500_000 }],
      },
      rationale: [],
      campaignRequested: true,
    };
    const out = await run({
      request: { kind: "play", play: "weekly-campaign-optimisation" },
      artefacts: { "marketing-strategy": strategy },
    });
    expect(out.proposals[0]).toMatchObject({
      campaignId: "cmp-healthcare-events-20260302",
      channel: "events",
      budgetCents: 500_000,
      audienceDomains: ["umbrella.com"],
    });
  });

  it("picks the best segment and the budget a chat names", async () => {
    const out = await run({ request: { kind: "chat", text: "Plan a campaign with a $20k budget" } });
    expect(out.artefact.campaign).toMatchObject({
      segment: { industry: "SaaS", sizeBand: "201-1000" },
      budgetCents: 2_000_000,
    });
  });

  it("proposes nothing when BD owns every account of the segment", async () => {
    const out = await run({ request: { kind: "chat", text: "Plan a LinkedIn campaign for Fintech" } });
    expect(out.proposals).toEqual([]);
    expect(out.handoffs).toBeUndefined();
    expect(out.artefact.exclusions[0]).toMatchObject({ domain: "globex.com" });
    expect(out.summary).toMatch(/BD-owned/);
  });

  it("says so when no account matches the segment", async () => {
    const out = await run({
      request: {
        kind: "event",
        eventId: "e2",
        event: { ...requested, data: { goal: "mines", industry: "Mining" } },
      },
    });
    expect(out.artefact.campaign).toBeNull();
    expect(out.summary).toMatch(/Mining/);
  });
});
