import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsSegments } from "./segments.ts";
import { marketingStore } from "./test-fixture.ts";

describe("analytics_segments", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("ranks industry × size band segments by expected deal value", async () => {
    const out = await callTool(analyticsSegments, ctx, { windowDays: 365 });
    expect(out.segments.map((s) => `${s.industry} ${s.sizeBand}`)).toEqual([
      "SaaS 201-1000",
      "Fintech 1001-5000",
      "Healthcare 51-200",
    ]);
    expect(out.segments[0]).toMatchObject({
      accounts: 4,
      won: 2,
      lost: 0,
      winRate: { value: 1 },
      averageWonDealCents: { value: 4_500_000 },
      wonRevenueCents: 9_000_000,
      expectedDealCents: 4_500_000,
    });
    expect(out.segments[1]).toMatchObject({ openOpportunities: 1, expectedDealCents: null });
    expect(out.segments[1]!.winRate).toMatchObject({ value: null, reason: expect.any(String) });
  });

  it("drops thin segments and refuses a negative minimum", async () => {
    const out = await callTool(analyticsSegments, ctx, { windowDays: 365, minClosed: 1 });
    expect(out.segments.map((s) => s.industry)).toEqual(["SaaS", "Healthcare"]);
    await expect(callTool(analyticsSegments, ctx, { minClosed: -1 })).rejects.toThrow(/minClosed/);
  });
});
