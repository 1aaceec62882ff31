import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsAttribution } from "./attribution.ts";
import { daysAgo, marketingStore } from "./test-fixture.ts";

// Hooli's won deals in the fixture (contacts created 200 d ago, so the lead-creation anchor is always missing):
// - opp-hooli-1, $30,000, created 200 d, closed 120 d ago: its only touch in the year before close is t-016
//   (paid search, cmp-search, 190 d) → 3,000,000 to it under every model;
// - opp-hooli-2, $60,000, created 100 d, closed 20 d ago: t-016 (190 d; first and deal creation),
//   t-017 (webinar, cmp-webinar, 90 d), t-018 (call, no campaign, deal-closer, 30 d; closed-won).
describe("analytics_attribution", () => {
  let ctx: ToolContext;
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, store, close } = await marketingStore()));
  afterEach(() => close());

  it("credits w-shaped revenue by channel, campaign and agent, largest first", async () => {
    // opp-hooli-2 under w: t-016 30% first + 30% missing lead + 30% deal = 5,400,000; t-017, t-018 middle
    // 5% each = 300,000. Adding opp-hooli-1: paid search 8,400,000, webinar 300,000, call 300,000.
    const out = await callTool(analyticsAttribution, ctx, { model: "w", windowDays: 365 });
    expect(out).toMatchObject({
      model: "w",
      totalCents: 9_000_000,
      dealsCredited: 2,
      dealsWithoutTouches: 0,
    });
    expect(out.byChannel).toEqual([
      { key: "paid_search", cents: 8_400_000 },
      { key: "call", cents: 300_000 },
      { key: "webinar", cents: 300_000 },
    ]);
    expect(out.byCampaign).toEqual([
      { key: "cmp-search", cents: 8_400_000 },
      { key: "(none)", cents: 300_000 },
      { key: "cmp-webinar", cents: 300_000 },
    ]);
    expect(out.byAgent).toEqual([
      { key: "campaign-execution", cents: 8_700_000 },
      { key: "deal-closer", cents: 300_000 },
    ]);
  });

  it("follows the chosen model", async () => {
    // linear: opp-hooli-2 splits 2,000,000 three ways; last: it all goes to the closing call.
    const linear = await callTool(analyticsAttribution, ctx, { model: "linear", windowDays: 365 });
    expect(linear.byChannel).toEqual([
      { key: "paid_search", cents: 5_000_000 },
      { key: "call", cents: 2_000_000 },
      { key: "webinar", cents: 2_000_000 },
    ]);
    const last = await callTool(analyticsAttribution, ctx, { model: "last" });
    expect(last.byChannel[0]).toEqual({ key: "call", cents: 6_000_000 });
  });

  it("counts only deals closed in the window", async () => {
    // 30 days: only opp-hooli-2 (closed 20 d ago). 7 days: none.
    const month = await callTool(analyticsAttribution, ctx, { model: "w", windowDays: 30 });
    expect(month.totalCents).toBe(6_000_000);
    expect(month.byChannel[0]).toEqual({ key: "paid_search", cents: 5_400_000 });
    const week = await callTool(analyticsAttribution, ctx, { model: "w", windowDays: 7 });
    expect(week).toMatchObject({
      totalCents: 0,
      dealsCredited: 0,
      byChannel: [],
      byCampaign: [],
      byAgent: [],
    });
  });

  it("anchors lead creation on the account's earliest contact", async () => {
    // A new Hooli contact created 80 d ago leaves the earliest at 200 d ago: the anchor stays missing.
    await store.db
      .insertInto("contacts")
      .values({
        email: "new@hooli.com",
        first_name: "New",
        last_name: "Doe",
        title: null,
        account_domain: "hooli.com",
        lifecycle_stage: "lead",
        do_not_contact: 0,
        unsubscribed: 0,
        bounced: 0,
        created_at: daysAgo(80),
        updated_at: daysAgo(80),
      })
      .execute();
    const same = await callTool(analyticsAttribution, ctx, { model: "w", windowDays: 30 });
    expect(same.byChannel[0]).toEqual({ key: "paid_search", cents: 5_400_000 });
    // All Hooli contacts created 80 d ago: lead creation = last touch at or before = t-017 (90 d). opp-hooli-2
    // under w: t-016 first + deal 60% = 3,600,000; t-017 30% = 1,800,000; t-018 middle 10% = 600,000.
    await store.db
      .updateTable("contacts")
      .set({ created_at: daysAgo(80) })
      .where("account_domain", "=", "hooli.com")
      .execute();
    const moved = await callTool(analyticsAttribution, ctx, { model: "w", windowDays: 30 });
    expect(moved.byChannel).toEqual([
      { key: "paid_search", cents: 3_600_000 },
      { key: "webinar", cents: 1_800_000 },
      { key: "call", cents: 600_000 },
    ]);
  });

  it("reports a won deal with no touch in its year as uncredited", async () => {
    await store.db.deleteFrom("touches").where("account_domain", "=", "hooli.com").execute();
    const out = await callTool(analyticsAttribution, ctx, { model: "u", windowDays: 365 });
    expect(out).toMatchObject({ totalCents: 0, dealsCredited: 0, dealsWithoutTouches: 2 });
  });

  it("refuses a model it does not know, naming the field", async () => {
    const bad = callTool(analyticsAttribution, ctx, { model: "w_shaped" as "w", windowDays: 365 });
    await expect(bad).rejects.toBeInstanceOf(ToolError);
    await expect(callTool(analyticsAttribution, ctx, { model: "x" as "w" })).rejects.toThrow(/model/);
  });
});
