import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsChannelBudget } from "./channel-budget.ts";
import { marketingStore } from "./test-fixture.ts";

// The fixture's campaign channels: email (cmp-nurture), paid_search (cmp-search), webinar (cmp-webinar).
// Under w over 365 days (see attribution.test.ts) cmp-search earns 8,400,000 and cmp-webinar 300,000; the
// 300,000 credited to the closing call has no campaign and so no channel here.
describe("analytics_channel_budget", () => {
  let ctx: ToolContext;
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, store, close } = await marketingStore()));
  afterEach(() => close());

  it("gives each channel its floor and splits the rest by attributed revenue", async () => {
    // Floor 5% of 10,000,000 = 500,000 × 3; rest 8,500,000 in 8,400,000 : 300,000 : 0 →
    // paid_search 8,206,896.55, webinar 293,103.45, email 0 → 8,206,896 + 293,103 = 8,499,999; the spare cent to
    // the larger remainder (.55), paid_search.
    const out = await callTool(analyticsChannelBudget, ctx, {
      totalBudgetCents: 10_000_000,
      model: "w",
      windowDays: 365,
      floorShare: 0.05,
    });
    expect(out).toMatchObject({ model: "w", floorCents: 500_000, totalBudgetCents: 10_000_000 });
    expect(out.channels).toEqual([
      { channel: "paid_search", attributedCents: 8_400_000, budgetCents: 8_706_897 },
      { channel: "webinar", attributedCents: 300_000, budgetCents: 793_103 },
      { channel: "email", attributedCents: 0, budgetCents: 500_000 },
    ]);
  });

  it("counts only touches of campaigns: under last the closing call takes opp-hooli-2 and no channel gets it", async () => {
    // last: opp-hooli-1 → paid search 3,000,000; opp-hooli-2 → the call (no campaign). No floor: all to paid_search.
    const out = await callTool(analyticsChannelBudget, ctx, {
      totalBudgetCents: 1_000_000,
      model: "last",
      windowDays: 365,
      floorShare: 0,
    });
    expect(out.channels).toEqual([
      { channel: "paid_search", attributedCents: 3_000_000, budgetCents: 1_000_000 },
      { channel: "email", attributedCents: 0, budgetCents: 0 },
      { channel: "webinar", attributedCents: 0, budgetCents: 0 },
    ]);
  });

  it("splits equally when nothing is attributed, the spare cent to the first channel by name", async () => {
    // No deal closed in 7 days. 500,000 floors, then 8,500,000 / 3 = 2,833,333.33 → the spare cent to email.
    const out = await callTool(analyticsChannelBudget, ctx, {
      totalBudgetCents: 10_000_000,
      model: "w",
      windowDays: 7,
      floorShare: 0.05,
    });
    expect(out.channels.map((c) => [c.channel, c.budgetCents])).toEqual([
      ["email", 3_333_334],
      ["paid_search", 3_333_333],
      ["webinar", 3_333_333],
    ]);
  });

  it("keeps floors that fill the budget whole: a third each of 100 cents", async () => {
    // floor = min(round(33.33), floor(100 / 3)) = 33 each; the 1 cent left goes by weight to paid_search.
    const out = await callTool(analyticsChannelBudget, ctx, {
      totalBudgetCents: 100,
      model: "w",
      windowDays: 365,
      floorShare: 1 / 3,
    });
    expect(out.floorCents).toBe(33);
    expect(out.channels.map((c) => [c.channel, c.budgetCents])).toEqual([
      ["paid_search", 34],
      ["email", 33],
      ["webinar", 33],
    ]);
  });

  it("refuses floors that do not fit and says what would", async () => {
    const tooHigh = callTool(analyticsChannelBudget, ctx, {
      totalBudgetCents: 1_000,
      model: "w",
      windowDays: 365,
      floorShare: 0.4,
    });
    await expect(tooHigh).rejects.toThrow(expect.objectContaining({ code: "floor_share_too_high" }));
    await expect(tooHigh).rejects.toThrow(/at most 0\.3333/);
  });

  it("says to plan a campaign first when no campaign has a channel", async () => {
    await store.db.updateTable("campaigns").set({ channel: null }).execute();
    const out = callTool(analyticsChannelBudget, ctx, { totalBudgetCents: 1_000, model: "w", floorShare: 0 });
    await expect(out).rejects.toBeInstanceOf(ToolError);
    await expect(out).rejects.toThrow(/plan a campaign first/);
  });
});
