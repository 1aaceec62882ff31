import { describe, expect, it } from "vitest";
import type { OpenDeal } from "../../store/queries/bd-pipeline.ts";
import { BD_NOW, bdDaysAgo } from "../crm/test-fixture.ts";
import { assessDeal } from "./deal-risks.ts";

const deal = (over: Partial<OpenDeal>): OpenDeal => ({
  id: "opp-1",
  accountDomain: "acme.com",
  accountName: "Acme",
  name: "Acme platform",
  amountCents: 1_000_000,
  stage: "proposal",
  owner: null,
  createdAt: bdDaysAgo(90),
  stageEnteredAt: bdDaysAgo(5),
  lastTouchAt: bdDaysAgo(1),
  ...over,
});

describe("assessDeal", () => {
  it("flags no recent touch from exactly 14 days, not at 13", () => {
    expect(assessDeal(deal({ lastTouchAt: bdDaysAgo(13) }), BD_NOW).flags).toEqual([]);
    expect(assessDeal(deal({ lastTouchAt: bdDaysAgo(14) }), BD_NOW).flags).toEqual(["no_recent_touch"]);
    expect(assessDeal(deal({ lastTouchAt: null }), BD_NOW)).toMatchObject({
      flags: ["never_touched"],
      daysSinceTouch: null,
    });
  });

  it("flags a stall by the stage's own limit and calls twice the limit severe", () => {
    expect(assessDeal(deal({ stageEnteredAt: bdDaysAgo(29) }), BD_NOW).flags).toEqual([]);
    expect(assessDeal(deal({ stageEnteredAt: bdDaysAgo(30) }), BD_NOW)).toMatchObject({
      flags: ["stalled_in_stage"],
      severe: false,
    });
    expect(assessDeal(deal({ stageEnteredAt: bdDaysAgo(60) }), BD_NOW).severe).toBe(true);
    const negotiation = assessDeal(deal({ stage: "negotiation", stageEnteredAt: bdDaysAgo(21) }), BD_NOW);
    expect(negotiation.flags).toEqual(["stalled_in_stage"]);
    // Early stages have no stall limit.
    expect(assessDeal(deal({ stage: "discovery", stageEnteredAt: bdDaysAgo(300) }), BD_NOW).flags).toEqual(
      [],
    );
  });

  it("weights the amount by the stage's default win probability", () => {
    expect(assessDeal(deal({ amountCents: 4_800_000 }), BD_NOW)).toMatchObject({
      probability: 0.6,
      weightedCents: 2_880_000,
    });
    expect(assessDeal(deal({ stage: "mystery" }), BD_NOW).weightedCents).toBe(0);
  });
});
