import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BD_NOW, bdStore } from "../crm/test-fixture.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { isSpike, pipelineEngagementSpikes } from "./engagement-spikes.ts";

describe("isSpike", () => {
  it("needs at least 3 recent touches and at least twice the previous count", () => {
    expect(isSpike(2, 0)).toBe(false);
    expect(isSpike(3, 0)).toBe(true);
    expect(isSpike(4, 2)).toBe(true);
    expect(isSpike(3, 2)).toBe(false);
  });
});

describe("pipeline_engagement_spikes", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());

  it("lists spiking accounts, biggest rise first, whatever their standing", async () => {
    const out = await callTool(pipelineEngagementSpikes, ctx, {});
    expect(
      out.accounts.map((a) => [a.domain, a.recent, a.previous, a.openOpportunities, a.suppressed]),
    ).toEqual([
      ["hooli.com", 4, 0, 1, false],
      ["acme.com", 4, 1, 0, false],
      ["stark.com", 3, 0, 0, true],
      ["umbrella.com", 3, 0, 0, false],
    ]);
    expect(out.window.recentFrom).toBe("2026-02-16T12:00:00.000Z");
  });

  it("counts a touch exactly 14 days old in the previous window", async () => {
    await ctx.db
      .insertInto("touches")
      .values({
        id: "t-edge",
        contact_email: "art@vandelay.com",
        account_domain: "vandelay.com",
        channel: "email",
        campaign: null,
        agent: null,
        cluster: null,
        content_hash: null,
        occurred_at: new Date(BD_NOW.getTime() - 14 * 86_400_000).toISOString(),
        idempotency_key: null,
      })
      .execute();
    const out = await callTool(pipelineEngagementSpikes, ctx, { accountDomain: "vandelay.com" });
    expect(out.accounts).toEqual([expect.objectContaining({ recent: 3, previous: 3, spike: false })]);
  });
});
