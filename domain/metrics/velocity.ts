import { averageWonDeal } from "./average-won-deal.ts";
import type { OpportunityFacts } from "./facts.ts";
import { type Metric, metric, noMetric } from "./metric.ts";
import { openPipeline } from "./pipeline-value.ts";
import { salesCycleDays } from "./sales-cycle.ts";
import { winRate } from "./win-rate.ts";
import type { Window } from "./window.ts";

/**
 * Pipeline velocity in cents per day: open opportunities × win rate × average won deal / cycle days.
 * Null with the first undefined input's reason, or when the average cycle is not positive.
 */
export function velocityPerDay(opps: readonly OpportunityFacts[], window: Window = {}): Metric<number> {
  const rate = winRate(opps, window);
  if (rate.value === null) return noMetric(`Velocity needs a win rate: ${rate.reason}`);
  const deal = averageWonDeal(opps, window);
  if (deal.value === null) return noMetric(`Velocity needs an average won deal: ${deal.reason}`);
  const cycle = salesCycleDays(opps, window);
  if (cycle.value === null) return noMetric(`Velocity needs a sales cycle: ${cycle.reason}`);
  if (cycle.value <= 0) {
    return noMetric(
      `Velocity is undefined: the average sales cycle is ${cycle.value} days; won deals must close after they are created.`,
    );
  }
  return metric((openPipeline(opps, window).count * rate.value * deal.value) / cycle.value);
}
