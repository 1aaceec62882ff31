import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketingStore } from "../analytics/test-fixture.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { campaignBuildAudience } from "./build-audience.ts";

describe("campaign_build_audience", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("keeps unowned accounts and lists every BD-owned or suppressed one with reasons", async () => {
    const out = await callTool(campaignBuildAudience, ctx, { industry: "saas" });
    expect(out.audience.map((a) => a.domain)).toEqual(["acme.com", "hooli.com"]);
    expect(out.excluded).toEqual([
      {
        domain: "initech.com",
        name: "Initech",
        reasons: [
          { rule: "active_bd_sequence", detail: "seq-initech by lead-engagement to ivan@initech.com" },
        ],
      },
      {
        domain: "stark.com",
        name: "Stark Labs",
        reasons: [{ rule: "account_suppressed", detail: "objection" }],
      },
    ]);
  });

  it("gives an owned account with an open deal both reasons", async () => {
    const out = await callTool(campaignBuildAudience, ctx, { sizeBand: "1001-5000" });
    expect(out.audience).toEqual([]);
    expect(out.excluded[0]!.reasons.map((r) => r.rule)).toEqual(["open_opportunity", "account_owner"]);
  });

  it("refuses a segment nothing matches, and an unknown size band", async () => {
    await expect(callTool(campaignBuildAudience, ctx, { industry: "Mining" })).rejects.toMatchObject({
      code: "segment_empty",
    });
    await expect(callTool(campaignBuildAudience, ctx, { sizeBand: "huge" as "5001+" })).rejects.toThrow(
      /sizeBand/,
    );
  });
});
