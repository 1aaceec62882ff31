import { STAGES, type Stage } from "../pipeline/index.ts";
import type { OpportunityFacts } from "./facts.ts";
import { inWindow, type Window } from "./window.ts";

/** How many opportunities sit in one stage now, and their total amount. */
export interface FunnelRow {
  stage: Stage;
  count: number;
  valueCents: number;
}

/** Opportunities created inside the window, counted by their current stage, one row per stage in order. */
export function funnel(opps: readonly OpportunityFacts[], window: Window = {}): FunnelRow[] {
  const rows = new Map<Stage, FunnelRow>(STAGES.map((stage) => [stage, { stage, count: 0, valueCents: 0 }]));
  for (const opp of opps) {
    const row = rows.get(opp.stage);
    if (row === undefined || !inWindow(opp.createdAt, window)) continue;
    row.count += 1;
    row.valueCents += opp.amountCents;
  }
  return [...rows.values()];
}
