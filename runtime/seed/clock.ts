/** Milliseconds in a minute. */
export const MINUTE = 60_000;
/** Milliseconds in an hour. */
export const HOUR = 60 * MINUTE;
/** Milliseconds in a day. */
export const DAY = 24 * HOUR;

/** How far back the demo data reaches: about 18 months before the anchor. */
export const HISTORY_DAYS = 548;

/** The fixed moment the demo data is generated around; never the real clock. */
export interface SeedClock {
  /** The anchor ("now" for the dataset), epoch milliseconds. */
  readonly now: number;
  /** The earliest time any row may carry, epoch milliseconds. */
  readonly start: number;
}

/** Builds the clock for an anchor date; throws on an invalid date so a bad anchor fails early. */
export function seedClock(anchor: Date): SeedClock {
  const now = anchor.getTime();
  if (!Number.isFinite(now)) throw new RangeError("The seed anchor is not a valid date.");
  return { now, start: now - HISTORY_DAYS * DAY };
}

/** Formats epoch milliseconds as the store's ISO UTC text. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
