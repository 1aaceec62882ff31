import type { OpportunityFacts } from "./facts.ts";
import { type Metric, metric, noMetric } from "./metric.ts";
import { daysBetween, describeWindow, type Window, wonInWindow } from "./window.ts";

/** Mean days from creation to close over the deals won in the window (fractional days). */
export function salesCycleDays(opps: readonly OpportunityFacts[], window: Window = {}): Metric<number> {
  const won = wonInWindow(opps, window);
  if (won.length === 0) return noMetric(`No opportunity was won ${describeWindow(window)}.`);
  return metric(won.reduce((sum, o) => sum + daysBetween(o.createdAt, o.closedAt), 0) / won.length);
}
