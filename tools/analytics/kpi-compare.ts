import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { kpiCounts } from "../../store/queries/marketing-analytics.ts";
import { defineTool } from "../tool.ts";
import { days } from "./window.ts";

/** The KPIs a comparison can report. */
export const KPI_NAMES = [
  "webinar_signups",
  "touches",
  "leads_created",
  "mqls_created",
  "opportunities_created",
  "deals_won",
  "won_revenue_cents",
] as const;

/** One KPI name. */
export const KpiName = z
  .enum(KPI_NAMES)
  .describe(
    "webinar_signups: touches on channel webinar; touches: all touches (per channel); leads_created; " +
      "mqls_created: leads qualified; opportunities_created; deals_won; won_revenue_cents: closed-won amount",
  );
export type KpiName = z.infer<typeof KpiName>;

/** One KPI over the current and the previous window, with the relative change. */
export interface KpiRow {
  metric: KpiName;
  /** The channel for touch KPIs, null for totals and other KPIs. */
  channel: string | null;
  current: number;
  previous: number;
  /** (current − previous) / previous, e.g. −0.25 for a 25% drop; null when previous is 0. */
  change: number | null;
}

/** The relative change from previous to current, rounded to 4 places; null when previous is 0. */
export function relativeChange(previous: number, current: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 10_000;
}

const Input = z.object({
  metrics: z
    .array(KpiName)
    .min(1)
    .default([...KPI_NAMES])
    .describe("Which KPIs to compare; omit for all"),
  channel: z
    .string()
    .min(1)
    .optional()
    .describe(
      "For the touches KPI: only this channel (email, webinar, linkedin, content, events, paid_search, ...)",
    ),
  days: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe("Window length: the last N days (now − N, now] against the N days before them"),
});

/** Compares KPIs over the last N days with the N days before, with the relative change per KPI. */
export const analyticsKpiCompare = defineTool({
  name: "analytics_kpi_compare",
  description:
    "Compare KPIs over the last N days (default 30) with the previous N days: webinar signups, touches by " +
    "channel, leads and MQLs created, opportunities created, deals won and won revenue (cents). Each row has " +
    "current, previous and the relative change (−0.25 = a 25% drop; null when previous is 0).",
  schema: Input,
  async run(ctx, input) {
    if (input.channel && !input.metrics.includes("touches"))
      throw new ToolError(
        "channel_without_touches",
        "channel only applies to the touches KPI; add touches to metrics.",
      );
    const now = ctx.now.getTime();
    const current = { from: new Date(now - days(input.days)), to: ctx.now };
    const previous = { from: new Date(now - days(2 * input.days)), to: current.from };
    const [cur, prev] = [await kpiCounts(ctx.db, current), await kpiCounts(ctx.db, previous)];
    const rows: KpiRow[] = [];
    const row = (metric: KpiName, channel: string | null, c: number, p: number) =>
      rows.push({ metric, channel, current: c, previous: p, change: relativeChange(p, c) });
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    for (const metric of [...new Set(input.metrics)]) {
      switch (metric) {
        case "webinar_signups":
          row(
            metric,
            "webinar",
            cur.touchesByChannel.get("webinar") ?? 0,
            prev.touchesByChannel.get("webinar") ?? 0,
          );
          break;
        case "touches": {
          const channels = input.channel
            ? [input.channel]
            : [...new Set([...cur.touchesByChannel.keys(), ...prev.touchesByChannel.keys()])].sort();
          for (const ch of channels)
            row(metric, ch, cur.touchesByChannel.get(ch) ?? 0, prev.touchesByChannel.get(ch) ?? 0);
          if (!input.channel) row(metric, null, sum(cur.touchesByChannel), sum(prev.touchesByChannel));
          break;
        }
        case "leads_created":
          row(metric, null, cur.leadsCreated, prev.leadsCreated);
          break;
        case "mqls_created":
          row(metric, null, cur.mqlsCreated, prev.mqlsCreated);
          break;
        case "opportunities_created":
          row(metric, null, cur.opportunitiesCreated, prev.opportunitiesCreated);
          break;
        case "deals_won":
          row(metric, null, cur.dealsWon, prev.dealsWon);
          break;
        case "won_revenue_cents":
          row(metric, null, cur.wonRevenueCents, prev.wonRevenueCents);
          break;
      }
    }
    return {
      days: input.days,
      current: { from: current.from.toISOString(), to: current.to.toISOString() },
      previous: { from: previous.from.toISOString(), to: previous.to.toISOString() },
      rows,
    };
  },
});
