import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BD_NOW, bdStore } from "../tools/crm/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentRequest } from "./agent.ts";
import { dealCloser, riskLevel } from "./deal-closer.ts";
import { makeKit } from "./kit.ts";

const about = (
  type: "deal_stale" | "opportunity_stage_changed",
  id: string,
  data: Record<string, unknown> = {},
) =>
  ({
    kind: "event",
    eventId: "e1",
    event: {
      event_type: type,
      source_agent: "crm",
      entity_type: "opportunity",
      entity_id: id,
      action: "x",
      data,
    },
  }) as AgentRequest;

describe("deal-closer playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());
  const run = (request: AgentRequest) =>
    dealCloser.playbook({ request, artefacts: {}, now: BD_NOW }, makeKit(dealCloser, ctx));

  it("sweeps late-stage deals: a follow-up for the stale one, a requalifying move for the dead one", async () => {
    const out = await run({ kind: "play", play: "stale-deal-sweep" });
    expect(
      out.artefact.deals.map((d) => [d.id, d.stage, d.daysInStage, d.daysSinceTouch, d.flags, d.risk]),
    ).toEqual([
      ["opp-globex", "proposal", 40, 20, ["no_recent_touch", "stalled_in_stage"], "high"],
      ["opp-hooli-3", "negotiation", 10, 2, [], "low"],
      ["opp-initech", "negotiation", 70, 50, ["no_recent_touch", "stalled_in_stage"], "high"],
    ]);
    expect(out.proposals).toEqual([
      expect.objectContaining({
        type: "send_touch",
        contactEmail: "bea@globex.com",
        accountDomain: "globex.com",
        play: "deal",
        templateId: "deal-follow-up",
        subject: "Next steps on globex.com platform",
      }),
      expect.objectContaining({
        type: "move_stage",
        opportunityId: "opp-initech",
        toStage: "discovery",
        reason: expect.stringContaining("no reachable contact"),
      }),
    ]);
    // Weighted: 48k×0.6 + 90k×0.8 + 25k×0.8 = 28.8k + 72k + 20k; at risk 28.8k + 20k.
    expect(out.artefact.forecast).toEqual({
      deals: 3,
      weightedCents: 12_080_000,
      atRiskWeightedCents: 4_880_000,
      atRiskDeals: 2,
    });
    expect(dealCloser.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("reviews only the deal a deal_stale event names", async () => {
    const out = await run(about("deal_stale", "opp-globex", { days_without_touch: 20 }));
    expect(out.artefact.deals.map((d) => d.id)).toEqual(["opp-globex"]);
    expect(out.proposals).toHaveLength(1);
  });

  it("leaves healthy, early-stage and closed deals alone, saying why", async () => {
    const healthy = await run(about("opportunity_stage_changed", "opp-hooli-3", { to_stage: "negotiation" }));
    expect(healthy.proposals).toEqual([]);
    expect(healthy.summary).toMatch(/All on track/);
    const early = await run(about("opportunity_stage_changed", "opp-wayne-2", { to_stage: "discovery" }));
    expect(early.proposals).toEqual([]);
    expect(early.artefact.notes[0]).toMatch(/late-stage/);
    const closed = await run(about("opportunity_stage_changed", "opp-hooli-1", { to_stage: "closed_won" }));
    expect(closed.proposals).toEqual([]);
    expect(closed.summary).toMatch(/not open/);
  });

  it("narrows a chat to the account it names", async () => {
    const out = await run({ kind: "chat", text: "What's the next step on the globex.com deal?" });
    expect(out.artefact.deals.map((d) => d.id)).toEqual(["opp-globex"]);
  });

  it("grades risk by flags and severity", () => {
    expect(riskLevel({ flags: [], severe: false })).toBe("low");
    expect(riskLevel({ flags: ["no_recent_touch"], severe: false })).toBe("medium");
    expect(riskLevel({ flags: ["stalled_in_stage"], severe: true })).toBe("high");
    expect(riskLevel({ flags: ["no_recent_touch", "stalled_in_stage"], severe: false })).toBe("high");
  });
});
