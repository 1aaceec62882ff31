import { z } from "zod";
import {
  averageWonDeal,
  openPipeline,
  salesCycleDays,
  velocityPerDay,
  weightedPipeline,
  winRate,
} from "../../domain/metrics/index.ts";
import { opportunityFactsWithAccounts } from "../../store/queries/marketing-analytics.ts";
import { defineTool } from "../tool.ts";
import { rounded, WindowDays, windowJson, windowOf } from "./window.ts";

const Input = z.object({ windowDays: WindowDays });

/** Open and weighted pipeline, win rate, average won deal, cycle days and velocity over a window. */
export const analyticsPipelineMetrics = defineTool({
  name: "analytics_pipeline_metrics",
  description:
    "Pipeline metrics over a window: open pipeline (count, cents), weighted pipeline (cents), win rate (0..1), " +
    "average won deal (cents), sales cycle (days) and pipeline velocity (cents per day). A metric that the data " +
    "cannot define is null with a reason, never 0.",
  schema: Input,
  async run(ctx, input) {
    const opps = await opportunityFactsWithAccounts(ctx.db);
    const window = windowOf(ctx.now, input.windowDays);
    const open = openPipeline(opps, window);
    return {
      window: windowJson(window),
      openPipeline: { count: open.count, valueCents: open.valueCents },
      weightedPipelineCents: weightedPipeline(opps, undefined, window),
      winRate: rounded(winRate(opps, window), 4),
      averageWonDealCents: rounded(averageWonDeal(opps, window)),
      salesCycleDays: rounded(salesCycleDays(opps, window), 1),
      velocityPerDayCents: rounded(velocityPerDay(opps, window)),
    };
  },
});
