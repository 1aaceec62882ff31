import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolError } from "../../domain/errors.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsPipelineMetrics } from "./pipeline-metrics.ts";
import { marketingStore } from "./test-fixture.ts";

describe("analytics_pipeline_metrics", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("computes pipeline, win rate, deal size, cycle and velocity over a year", async () => {
    const out = await callTool(analyticsPipelineMetrics, ctx, { windowDays: 365 });
    expect(out.openPipeline).toEqual({ count: 1, valueCents: 4_800_000 });
    expect(out.weightedPipelineCents).toBe(2_880_000);
    expect(out.winRate).toEqual({ value: 0.6667 });
    expect(out.averageWonDealCents).toEqual({ value: 4_500_000 });
    expect(out.salesCycleDays).toEqual({ value: 80 });
    // 1 open × 2/3 × 4,500,000 / 80 days
    expect(out.velocityPerDayCents).toEqual({ value: 37_500 });
  });

  it("narrows the closed deals to the window and says why a metric is undefined", async () => {
    const month = await callTool(analyticsPipelineMetrics, ctx, { windowDays: 30 });
    expect(month.winRate).toEqual({ value: 1 });
    expect(month.velocityPerDayCents).toEqual({ value: 75_000 });
    const week = await callTool(analyticsPipelineMetrics, ctx, { windowDays: 7 });
    expect(week.winRate.value).toBeNull();
    expect(week.velocityPerDayCents).toMatchObject({
      value: null,
      reason: expect.stringContaining("win rate"),
    });
  });

  it("refuses a window that is not a positive whole number of days", async () => {
    await expect(callTool(analyticsPipelineMetrics, ctx, { windowDays: 0 })).rejects.toBeInstanceOf(
      ToolError,
    );
    await expect(callTool(analyticsPipelineMetrics, ctx, { windowDays: 2.5 })).rejects.toThrow(/windowDays/);
  });
});
