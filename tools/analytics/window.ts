import { z } from "zod";
import type { Metric, Window } from "../../domain/metrics/index.ts";

const DAY_MS = 86_400_000;

/** The optional look-back a model may pass; omitted means all data. */
export const WindowDays = z
  .number()
  .int()
  .min(1)
  .max(3_650)
  .optional()
  .describe("Look back this many days from now (deals closed or created in that span); omit for all data");

/** The metrics window for a look-back ending now, or only bounded by now when no look-back is given. */
export function windowOf(now: Date, days: number | undefined): Window {
  return days === undefined ? { to: now } : { from: new Date(now.getTime() - days * DAY_MS), to: now };
}

/** The window as ISO strings (null when unbounded), for tool output. */
export function windowJson(window: Window): { from: string | null; to: string | null } {
  return { from: window.from?.toISOString() ?? null, to: window.to?.toISOString() ?? null };
}

/** A metric of money or rates rounded for output: cents to whole cents, other numbers to `digits` places. */
export function rounded(metric: Metric<number>, digits = 0): Metric<number> {
  if (metric.value === null) return metric;
  const f = 10 ** digits;
  return { value: Math.round(metric.value * f) / f };
}

/** `n` days in milliseconds. */
export function days(n: number): number {
  return n * DAY_MS;
}
