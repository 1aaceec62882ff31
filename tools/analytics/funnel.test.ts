import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsFunnel } from "./funnel.ts";
import { marketingStore } from "./test-fixture.ts";

describe("analytics_funnel", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("counts lifecycle stages in funnel order and lead statuses", async () => {
    const out = await callTool(analyticsFunnel, ctx, {});
    expect(out.lifecycle).toEqual([
      { stage: "lead", count: 8 },
      { stage: "mql", count: 1 },
      { stage: "customer", count: 2 },
    ]);
    expect(out.leadStatuses).toEqual([
      { status: "mql", count: 2 },
      { status: "new", count: 2 },
    ]);
  });

  it("reports cohort stage conversion, null with a reason for an empty cohort", async () => {
    const out = await callTool(analyticsFunnel, ctx, { windowDays: 365 });
    const newToQualified = out.stageConversion.find((c) => c.from === "new")!;
    // Four deals entered "new"; hooli-1 and hooli-2 won (passing every stage), globex jumped to proposal.
    expect(newToQualified).toMatchObject({ entered: 4, reached: 3, rate: { value: 0.75 } });
    const negotiation = out.stageConversion.find((c) => c.from === "negotiation")!;
    expect(negotiation.entered).toBe(2);
    const byStage = Object.fromEntries(out.opportunitiesByStage.map((r) => [r.stage, r.count]));
    expect(byStage).toMatchObject({ proposal: 1, closed_won: 2, closed_lost: 1 });
  });

  it("refuses an unknown argument type", async () => {
    await expect(
      callTool(analyticsFunnel, ctx, { windowDays: "month" as unknown as number }),
    ).rejects.toThrow(/invalid arguments/);
  });
});
