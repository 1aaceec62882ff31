import { z } from "zod";
import { funnel, stageConversion } from "../../domain/metrics/index.ts";
import {
  leadStatusCounts,
  lifecycleCounts,
  opportunityFactsWithAccounts,
} from "../../store/queries/marketing-analytics.ts";
import { defineTool } from "../tool.ts";
import { rounded, WindowDays, windowJson, windowOf } from "./window.ts";

/** Contact lifecycle stages in funnel order; stages the store holds beyond these follow, sorted. */
export const LIFECYCLE_ORDER = ["subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist"];

const Input = z.object({ windowDays: WindowDays });

/** The marketing and sales funnel: lifecycle counts, lead statuses, deals by stage and cohort stage conversion. */
export const analyticsFunnel = defineTool({
  name: "analytics_funnel",
  description:
    "The funnel: contacts per lifecycle stage (subscriber → evangelist), leads per status, opportunities " +
    "created in the window by current stage (count and cents), and cohort stage conversion (of the deals that " +
    "entered stage k in the window, the share that reached k+1).",
  schema: Input,
  async run(ctx, input) {
    const window = windowOf(ctx.now, input.windowDays);
    const lifecycle = await lifecycleCounts(ctx.db);
    const order = (s: string) => {
      const i = LIFECYCLE_ORDER.indexOf(s);
      return i < 0 ? LIFECYCLE_ORDER.length : i;
    };
    lifecycle.sort((a, b) => order(a.stage) - order(b.stage) || a.stage.localeCompare(b.stage));
    const leads = (await leadStatusCounts(ctx.db)).sort((a, b) => a.status.localeCompare(b.status));
    const opps = await opportunityFactsWithAccounts(ctx.db);
    return {
      window: windowJson(window),
      lifecycle,
      leadStatuses: leads,
      opportunitiesByStage: funnel(opps, window),
      stageConversion: stageConversion(opps, window).map((c) => ({ ...c, rate: rounded(c.rate, 4) })),
    };
  },
});
