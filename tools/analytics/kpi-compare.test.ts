import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolError } from "../../domain/errors.ts";
import { callTool, type ToolContext } from "../tool.ts";
import { analyticsKpiCompare, relativeChange } from "./kpi-compare.ts";
import { marketingStore } from "./test-fixture.ts";

describe("analytics_kpi_compare", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());

  it("compares the last 30 days with the 30 before, with the relative change", async () => {
    const out = await callTool(analyticsKpiCompare, ctx, {
      metrics: ["webinar_signups", "leads_created", "mqls_created", "won_revenue_cents"],
    });
    expect(out.rows).toEqual([
      { metric: "webinar_signups", channel: "webinar", current: 4, previous: 10, change: -0.6 },
      { metric: "leads_created", channel: null, current: 2, previous: 2, change: 0 },
      { metric: "mqls_created", channel: null, current: 0, previous: 2, change: -1 },
      { metric: "won_revenue_cents", channel: null, current: 6_000_000, previous: 0, change: null },
    ]);
  });

  it("breaks touches down by channel, with a touch exactly N days ago in the previous window", async () => {
    const out = await callTool(analyticsKpiCompare, ctx, { metrics: ["touches"] });
    const call = out.rows.find((r) => r.channel === "call")!;
    expect(call).toMatchObject({ current: 0, previous: 1 });
    const total = out.rows.find((r) => r.channel === null)!;
    expect(total).toMatchObject({ current: 5, previous: 11 });
    const one = await callTool(analyticsKpiCompare, ctx, { metrics: ["touches"], channel: "email" });
    expect(one.rows).toEqual([
      { metric: "touches", channel: "email", current: 1, previous: 0, change: null },
    ]);
  });

  it("refuses a channel without the touches KPI, and an unknown KPI", async () => {
    await expect(
      callTool(analyticsKpiCompare, ctx, { metrics: ["mqls_created"], channel: "email" }),
    ).rejects.toThrow(/touches/);
    await expect(
      callTool(analyticsKpiCompare, ctx, { metrics: ["happiness" as "touches"] }),
    ).rejects.toBeInstanceOf(ToolError);
  });

  it("has no relative change from zero", () => {
    expect(relativeChange(0, 5)).toBeNull();
    expect(relativeChange(3, 2)).toBe(-0.3333);
  });
});
