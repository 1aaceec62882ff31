import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsScoreLead } from "./score-lead.ts";
import { marketingStore } from "./test-fixture.ts";

describe("analytics_score_lead", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("qualifies a demo request whatever the engagement, with reasons", async () => {
    const out = await callTool(analyticsScoreLead, ctx, { email: " Carl@Acme.com " });
    expect(out).toMatchObject({ email: "carl@acme.com", leadId: "lead-carl", mql: true });
    expect(out.reasons.at(-1)).toMatch(/demo/);
  });

  it("scores decayed webinar engagement below the MQL line", async () => {
    const out = await callTool(analyticsScoreLead, ctx, { email: "ana@acme.com" });
    expect(out.signals).toBe(4);
    // 5 points each, 2, 10, 15 and 20 days ago, halved every 30 days.
    const expected = 5 * [2, 10, 15, 20].reduce((s, d) => s + 2 ** (-d / 30), 0);
    expect(out.engagement).toBeCloseTo(expected, 1);
    expect(out.fit).toBeGreaterThan(0);
    expect(out.mql).toBe(false);
    expect(out.reasons.at(-1)).toMatch(/^Not an MQL/);
  });

  it("refuses an unknown or malformed email", async () => {
    await expect(callTool(analyticsScoreLead, ctx, { email: "nobody@acme.com" })).rejects.toThrow(
      /No contact/,
    );
    await expect(callTool(analyticsScoreLead, ctx, { email: "not-an-email" })).rejects.toThrow(
      /not an email/,
    );
  });
});
