import type { OpportunityFacts } from "./facts.ts";

/** A reporting window, inclusive at both ends; a missing end is unbounded, so `{}` means all data. */
export interface Window {
  from?: Date | undefined;
  to?: Date | undefined;
}

const MS_PER_DAY = 86_400_000;

/** Whether a time falls inside the window, both ends included. */
export function inWindow(at: Date, window: Window = {}): boolean {
  const t = at.getTime();
  return (
    (window.from === undefined || t >= window.from.getTime()) &&
    (window.to === undefined || t <= window.to.getTime())
  );
}

/** Days from `start` to `end`, fractional (negative when `end` is earlier). */
export function daysBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / MS_PER_DAY;
}

/** Opportunities closed (won or lost) with a close time inside the window; closed ones without a time are skipped. */
export function closedInWindow(
  opps: readonly OpportunityFacts[],
  window: Window = {},
): (OpportunityFacts & { closedAt: Date })[] {
  return opps.filter(
    (o): o is OpportunityFacts & { closedAt: Date } =>
      (o.stage === "closed_won" || o.stage === "closed_lost") &&
      o.closedAt !== null &&
      inWindow(o.closedAt, window),
  );
}

/** Opportunities won with a close time inside the window. */
export function wonInWindow(
  opps: readonly OpportunityFacts[],
  window: Window = {},
): (OpportunityFacts & { closedAt: Date })[] {
  return closedInWindow(opps, window).filter((o) => o.stage === "closed_won");
}

/** A short human description of the window, for reasons ("between 2025-01-01 and 2025-03-31"). */
export function describeWindow(window: Window = {}): string {
  const { from, to } = window;
  if (from !== undefined && to !== undefined) return `between ${stamp(from)} and ${stamp(to)}`;
  if (from !== undefined) return `since ${stamp(from)}`;
  if (to !== undefined) return `up to ${stamp(to)}`;
  return "in the data";
}

// A date alone when the time is midnight UTC, the full ISO time otherwise.
function stamp(at: Date): string {
  const iso = at.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
