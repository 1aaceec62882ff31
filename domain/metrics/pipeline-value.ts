import { DEFAULT_STAGE_PROBABILITIES, isClosed, type StageProbabilities } from "../pipeline/index.ts";
import type { OpportunityFacts } from "./facts.ts";
import { inWindow, type Window } from "./window.ts";

/** Number and total value of open opportunities. */
export interface OpenPipeline {
  count: number;
  valueCents: number;
}

/**
 * Open opportunities as the data stands now (stage not closed), limited to those created on or before
 * `window.to` when given; a snapshot, so `window.from` does not apply.
 */
export function openOpportunities(
  opps: readonly OpportunityFacts[],
  window: Window = {},
): OpportunityFacts[] {
  const upTo: Window = { to: window.to };
  return opps.filter((o) => !isClosed(o.stage) && inWindow(o.createdAt, upTo));
}

/** Count and Σ amount of the open opportunities (see `openOpportunities` for the window). */
export function openPipeline(opps: readonly OpportunityFacts[], window: Window = {}): OpenPipeline {
  const open = openOpportunities(opps, window);
  return { count: open.length, valueCents: open.reduce((sum, o) => sum + o.amountCents, 0) };
}

/** Σ amount × p(stage) over the open opportunities, in whole cents rounded once at the end. */
export function weightedPipeline(
  opps: readonly OpportunityFacts[],
  probabilities: StageProbabilities = DEFAULT_STAGE_PROBABILITIES,
  window: Window = {},
): number {
  const exact = openOpportunities(opps, window).reduce(
    (sum, o) => sum + o.amountCents * probabilities[o.stage],
    0,
  );
  // Fifteen significant digits drop binary noise (0.35 × 10 = 3.5000000000000004) before rounding half up.
  return Math.round(Number(exact.toPrecision(15)));
}
