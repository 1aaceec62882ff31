import { UserError } from "../errors.ts";

/** One engagement signal: its kind, optional explicit points, and when it happened. */
export interface EngagementEvent {
  kind: string;
  points?: number | undefined;
  at: Date;
}

/** How engagement is scored: the half-life of a signal and points per kind (merged over the defaults). */
export interface EngagementOptions {
  halfLifeDays?: number | undefined;
  points?: Readonly<Record<string, number>> | undefined;
}

/** docs/domain-rules.md's half-life: a signal is worth half as much after 30 days. */
export const DEFAULT_HALF_LIFE_DAYS = 30;

/** Points per engagement kind before decay; kinds not listed score 0 unless the event carries points. */
export const DEFAULT_ENGAGEMENT_POINTS: Readonly<Record<string, number>> = Object.freeze({
  email_open: 1,
  email_click: 3,
  email_reply: 10,
  linkedin_reply: 8,
  call_connected: 10,
  page_view: 1,
  pricing_page_view: 8,
  content_download: 8,
  webinar_registered: 5,
  webinar_attended: 10,
  form_submit: 10,
  trial_started: 20,
  meeting_booked: 20,
  demo_request: 30,
});

/** One event's share of the score after decay. */
export interface EngagementContribution {
  kind: string;
  at: Date;
  points: number;
}

/** The engagement score (0–100) and what each counted event added. */
export interface EngagementBreakdown {
  score: number;
  contributions: EngagementContribution[];
}

const MS_PER_DAY = 86_400_000;

/**
 * Sums each event's points decayed by 2^(−age days / half-life), keeping the total in 0–100; events after
 * `now` are ignored. Throws a UserError when the half-life is not a positive number of days.
 */
export function engagementBreakdown(
  events: readonly EngagementEvent[],
  now: Date,
  opts: EngagementOptions = {},
): EngagementBreakdown {
  const halfLife = opts.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  if (!Number.isFinite(halfLife) || halfLife <= 0) {
    throw new UserError(
      "invalid_half_life",
      `The engagement half-life is ${halfLife} days; give a positive number of days (the default is 30).`,
      { details: { halfLifeDays: halfLife } },
    );
  }
  const table = { ...DEFAULT_ENGAGEMENT_POINTS, ...opts.points };
  const contributions: EngagementContribution[] = [];
  for (const event of events) {
    const ageDays = (now.getTime() - event.at.getTime()) / MS_PER_DAY;
    // Also skips invalid dates, whose age is NaN.
    if (!(ageDays >= 0)) continue;
    const base = event.points ?? (Object.hasOwn(table, event.kind) ? table[event.kind] : undefined) ?? 0;
    if (!Number.isFinite(base) || base === 0) continue;
    contributions.push({ kind: event.kind, at: event.at, points: base * 2 ** (-ageDays / halfLife) });
  }
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  return { score: Math.min(100, Math.max(0, total)), contributions };
}

/** The engagement score alone, 0–100 (see `engagementBreakdown`). */
export function engagementScore(
  events: readonly EngagementEvent[],
  now: Date,
  opts: EngagementOptions = {},
): number {
  return engagementBreakdown(events, now, opts).score;
}
