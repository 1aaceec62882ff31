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

/** The anchor a seed made at `now` uses: the start of that UTC day, so runs on one day reproduce each other. */
export function seedAnchor(now: Date): Date {
  const day = new Date(now.getTime());
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/**
 * Reads an anchor given on the command line: an ISO 8601 date (`2026-12-01`, midnight UTC) or date-time (UTC
 * unless it names an offset); returns null when it is not one, so the caller can say what to type.
 */
export function parseAnchor(text: string): Date | null {
  const t = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? "Z"}`);
  if (!Number.isFinite(at.getTime())) return null;
  // "2026-02-31" would roll over to March: a day that does not exist is refused.
  const [y, mo, d] = m[1]!.split("-").map(Number);
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  return day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d ? at : null;
}
