import type { OpportunityFacts } from "./facts.ts";
import { type Metric, metric, noMetric } from "./metric.ts";
import { describeWindow, type Window, wonInWindow } from "./window.ts";

/** Mean amount in cents (possibly fractional; the caller formats) of the deals won in the window. */
export function averageWonDeal(opps: readonly OpportunityFacts[], window: Window = {}): Metric<number> {
  const won = wonInWindow(opps, window);
  if (won.length === 0) return noMetric(`No opportunity was won ${describeWindow(window)}.`);
  return metric(won.reduce((sum, o) => sum + o.amountCents, 0) / won.length);
}
