import { z } from "zod";
import {
  averageWonDeal,
  closedInWindow,
  type Metric,
  openOpportunities,
  winRate,
} from "../../domain/metrics/index.ts";
import { opportunityFactsWithAccounts } from "../../store/queries/marketing-analytics.ts";
import { accountsInSegment } from "../../store/queries/marketing-crm.ts";
import { defineTool } from "../tool.ts";
import { sizeBandOf } from "./size-band.ts";
import { rounded, WindowDays, windowJson, windowOf } from "./window.ts";

/** One industry × size band segment with its commercial results. */
export interface SegmentRow {
  industry: string;
  sizeBand: string;
  accounts: number;
  openOpportunities: number;
  won: number;
  lost: number;
  winRate: Metric<number>;
  averageWonDealCents: Metric<number>;
  wonRevenueCents: number;
  /** Win rate × average won deal: what one more closed deal is worth here; null when either is undefined. */
  expectedDealCents: number | null;
}

const Input = z.object({
  windowDays: WindowDays,
  minClosed: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("Leave out segments with fewer closed deals than this in the window (noise guard)"),
  limit: z.number().int().min(1).max(200).default(30).describe("At most this many segments, best first"),
});

/** Industry × size band segments ranked by expected deal value (win rate × average won deal). */
export const analyticsSegments = defineTool({
  name: "analytics_segments",
  description:
    "Segments of the account base by industry × size band, each with its account count, open deals, won and " +
    "lost deals in the window, win rate, average won deal (cents), won revenue (cents) and expected deal value " +
    "(win rate × average won deal), best first.",
  schema: Input,
  async run(ctx, input) {
    const window = windowOf(ctx.now, input.windowDays);
    const accounts = await accountsInSegment(ctx.db, {});
    const opps = await opportunityFactsWithAccounts(ctx.db);
    const keyOf = (industry: string | null, employees: number | null) =>
      `${industry ?? "unknown"}|${sizeBandOf(employees)}`;
    const counts = new Map<string, number>();
    for (const a of accounts)
      counts.set(keyOf(a.industry, a.employees), (counts.get(keyOf(a.industry, a.employees)) ?? 0) + 1);
    const groups = new Map<string, typeof opps>();
    for (const o of opps)
      groups.set(keyOf(o.industry, o.employees), [...(groups.get(keyOf(o.industry, o.employees)) ?? []), o]);

    const rows: SegmentRow[] = [...counts.keys()].map((key) => {
      const [industry, sizeBand] = key.split("|") as [string, string];
      const group = groups.get(key) ?? [];
      const closed = closedInWindow(group, window);
      const won = closed.filter((o) => o.stage === "closed_won");
      const rate = rounded(winRate(group, window), 4);
      const deal = rounded(averageWonDeal(group, window));
      return {
        industry,
        sizeBand,
        accounts: counts.get(key) ?? 0,
        openOpportunities: openOpportunities(group, window).length,
        won: won.length,
        lost: closed.length - won.length,
        winRate: rate,
        averageWonDealCents: deal,
        wonRevenueCents: won.reduce((s, o) => s + o.amountCents, 0),
        expectedDealCents:
          rate.value === null || deal.value === null ? null : Math.round(rate.value * deal.value),
      };
    });
    const ranked = rows
      .filter((r) => r.won + r.lost >= input.minClosed)
      .sort(
        (a, b) =>
          (b.expectedDealCents ?? -1) - (a.expectedDealCents ?? -1) ||
          b.wonRevenueCents - a.wonRevenueCents ||
          `${a.industry}|${a.sizeBand}`.localeCompare(`${b.industry}|${b.sizeBand}`),
      );
    return { window: windowJson(window), total: ranked.length, segments: ranked.slice(0, input.limit) };
  },
});
