import type { OpportunityFacts } from "./facts.ts";
import { type Metric, metric, noMetric } from "./metric.ts";
import { closedInWindow, describeWindow, type Window } from "./window.ts";

/** won / (won + lost) over opportunities closed in the window; null when none closed. */
export function winRate(opps: readonly OpportunityFacts[], window: Window = {}): Metric<number> {
  const closed = closedInWindow(opps, window);
  if (closed.length === 0)
    return noMetric(`No opportunity was closed (won or lost) ${describeWindow(window)}.`);
  const won = closed.filter((o) => o.stage === "closed_won").length;
  return metric(won / closed.length);
}
