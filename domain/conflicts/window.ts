import type { Cap } from "./policy.ts";

const UNITS: readonly (readonly [number, string])[] = [
  [86_400_000, "day"],
  [3_600_000, "hour"],
  [60_000, "minute"],
  [1_000, "second"],
];

/** Whether `at` lies in the rolling window `(now − windowMs, now]`: the left end is out, `now` itself is in. */
export function inRollingWindow(at: Date, now: Date, windowMs: number): boolean {
  const t = at.getTime();
  const end = now.getTime();
  return t > end - windowMs && t <= end;
}

/** How many of `times` lie in the rolling window `(now − windowMs, now]`. */
export function countInWindow(times: readonly Date[], now: Date, windowMs: number): number {
  let n = 0;
  for (const at of times) if (inRollingWindow(at, now, windowMs)) n += 1;
  return n;
}

/** The verdict on one more touch at `now` under a cap; `until` is the first instant at which it would fit. */
export type CapCheck =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly count: number; readonly until: Date };

/**
 * Checks whether one more touch at `now` keeps `times` within the cap. When it does not, `until` is when
 * enough counted touches have left the window: the (count − max + 1)-th oldest one's time plus the window,
 * which is the oldest one's when the cap is merely full. At `until` that touch sits at `until − W`, so it is out.
 */
export function capCheck(times: readonly Date[], now: Date, cap: Cap): CapCheck {
  const counted = times
    .filter((at) => inRollingWindow(at, now, cap.windowMs))
    .map((at) => at.getTime())
    .sort((a, b) => a - b);
  const count = counted.length;
  if (count + 1 <= cap.max) return { ok: true, count };
  const leaving = counted[count - cap.max]!;
  return { ok: false, count, until: new Date(leaving + cap.windowMs) };
}

/**
 * The same verdict as `capCheck` over the store's touches plus the batch's, when the store gave only its count
 * in the window and its newest times (newest first) and the batch's touches are at `now`, after all of them.
 * Throws when the check needs an older time than `newest` holds: the caller loaded too few.
 */
export function countedCapCheck(
  stored: { readonly count: number; readonly newest: readonly Date[] },
  added: readonly Date[],
  now: Date,
  cap: Cap,
): CapCheck {
  const batch = added
    .filter((at) => inRollingWindow(at, now, cap.windowMs))
    .map((at) => at.getTime())
    .sort((a, b) => a - b);
  const count = stored.count + batch.length;
  if (count + 1 <= cap.max) return { ok: true, count };
  // The oldest counted times are not known; the known tail starts at index `stored.count − newest.length`.
  const known = Math.min(stored.newest.length, stored.count);
  const tail = [
    ...stored.newest
      .slice(0, known)
      .map((at) => at.getTime())
      .reverse(),
    ...batch,
  ];
  const index = count - cap.max - (stored.count - known);
  const leaving = tail[index];
  if (leaving === undefined) {
    throw new RangeError(
      `A counted cap of ${cap.max} needs the ${cap.max} newest touch times in the window; only ${known} were given.`,
    );
  }
  return { ok: false, count, until: new Date(leaving + cap.windowMs) };
}

/** A window length in words for reasons: "3 days", "1 hour", "90 minutes", "1500 ms". */
export function describeSpan(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms % size === 0) {
      const n = ms / size;
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return `${ms} ms`;
}
