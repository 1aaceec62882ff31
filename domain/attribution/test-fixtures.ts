import fc from "fast-check";
import type { AttributionDeal, AttributionTouch } from "./types.ts";

const MS_PER_DAY = 86_400_000;

/** The close time every hand-worked deal shares. */
export const CLOSE = new Date("2025-12-31T00:00:00.000Z");

/** The time `n` days before the close (fractions allowed). */
export function before(n: number): Date {
  return new Date(CLOSE.getTime() - n * MS_PER_DAY);
}

/** A touch `n` days before the close; channel, campaign and agent default to email and none. */
export function touch(
  id: string,
  daysBefore: number,
  extra: Partial<Omit<AttributionTouch, "id" | "at">> = {},
): AttributionTouch {
  return { id, at: before(daysBefore), campaign: null, channel: "email", agent: null, ...extra };
}

/** A deal closing at CLOSE, created and (optionally) lead-created the given days before it. */
export function deal(
  amountCents: number,
  createdDaysBefore: number,
  leadDaysBefore: number | null,
  id = "d1",
): AttributionDeal {
  return {
    id,
    amountCents,
    createdAt: before(createdDaysBefore),
    closedAt: CLOSE,
    leadCreatedAt: leadDaysBefore === null ? null : before(leadDaysBefore),
  };
}

/** A credit list as `{ touchId: cents }`, for compact expectations. */
export function centsById(credits: readonly { touchId: string; cents: number }[]): Record<string, number> {
  return Object.fromEntries(credits.map((c) => [c.touchId, c.cents]));
}

/** Arbitrary deals closing at CLOSE, with anchors anywhere from 400 days before to 10 days after. */
export const dealArb: fc.Arbitrary<AttributionDeal> = fc
  .record({
    amountCents: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000_000 })),
    created: fc.integer({ min: -10, max: 400 }),
    lead: fc.option(fc.integer({ min: -10, max: 400 })),
  })
  .map((d) => deal(d.amountCents, d.created, d.lead));

/** Arbitrary touches with unique ids, spread around the 365-day window, often sharing a time. */
export const touchesArb: fc.Arbitrary<AttributionTouch[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      daysBefore: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double({ min: 0, max: 365, noNaN: true })),
      channel: fc.constantFrom("email", "webinar", "paid_search"),
      campaign: fc.option(fc.constantFrom("c1", "c2")),
      agent: fc.option(fc.constantFrom("a1", "a2")),
    }),
    { selector: (t) => t.id, maxLength: 12 },
  )
  .map((ts) =>
    ts.map((t) => touch(t.id, t.daysBefore, { channel: t.channel, campaign: t.campaign, agent: t.agent })),
  );
