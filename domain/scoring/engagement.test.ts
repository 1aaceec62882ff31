import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { type EngagementEvent, engagementBreakdown, engagementScore } from "./engagement.ts";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2025, 5, 1));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

describe("engagementScore", () => {
  it("halves a signal's points every 30 days: 30 + 10/2 + 8/4 = 37", () => {
    const events: EngagementEvent[] = [
      { kind: "demo_request", at: daysAgo(0) },
      { kind: "email_reply", at: daysAgo(30) },
      { kind: "pricing_page_view", at: daysAgo(60) },
    ];
    expect(engagementScore(events, NOW)).toBeCloseTo(37, 12);
  });

  it("prefers the event's own points, then the options' table, then the defaults", () => {
    const events: EngagementEvent[] = [
      { kind: "email_reply", points: 20, at: daysAgo(0) },
      { kind: "email_click", at: daysAgo(0) },
      { kind: "email_open", at: daysAgo(0) },
    ];
    expect(engagementScore(events, NOW, { points: { email_click: 7 } })).toBe(20 + 7 + 1);
  });

  it("takes a custom half-life", () => {
    expect(
      engagementScore([{ kind: "x", points: 40, at: daysAgo(7) }], NOW, { halfLifeDays: 7 }),
    ).toBeCloseTo(20, 12);
    expect(engagementScore([{ kind: "x", points: 12, at: daysAgo(15) }], NOW)).toBeCloseTo(
      12 / Math.SQRT2,
      12,
    );
  });

  it("ignores future events and invalid dates, and counts an event at now in full", () => {
    const events: EngagementEvent[] = [
      { kind: "x", points: 10, at: NOW },
      { kind: "x", points: 50, at: new Date(NOW.getTime() + 1) },
      { kind: "x", points: 50, at: new Date(Number.NaN) },
    ];
    expect(engagementScore(events, NOW)).toBe(10);
  });

  it("gives unknown kinds, including Object.prototype names, no points", () => {
    const events: EngagementEvent[] = [
      { kind: "tweet", at: NOW },
      { kind: "constructor", at: NOW },
      { kind: "__proto__", at: NOW },
    ];
    expect(engagementBreakdown(events, NOW)).toEqual({ score: 0, contributions: [] });
  });

  it("caps at 100 and floors at 0", () => {
    const demo = { kind: "demo_request", at: NOW };
    expect(engagementScore([demo, demo, demo, demo], NOW)).toBe(100);
    expect(engagementScore([{ kind: "unsubscribe", points: -20, at: NOW }], NOW)).toBe(0);
  });

  it("is 0 for no events", () => {
    expect(engagementScore([], NOW)).toBe(0);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects a half-life of %d days", (halfLifeDays) => {
    expect(() => engagementScore([], NOW, { halfLifeDays })).toThrow(UserError);
  });

  const pastEvent = fc.record({
    kind: fc.constantFrom("email_open", "email_reply", "demo_request", "x"),
    points: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined }),
    at: fc.integer({ min: 0, max: 1_000 }).map((d) => daysAgo(d)),
  });

  it("stays within 0–100", () => {
    const anyEvent = fc.record({
      kind: fc.string(),
      points: fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: undefined }),
      at: fc.date({ noInvalidDate: true }),
    });
    fc.assert(
      fc.property(fc.array(anyEvent), fc.date({ noInvalidDate: true }), (events, now) => {
        const score = engagementScore(events, now);
        expect(score >= 0 && score <= 100).toBe(true);
      }),
    );
  });

  it("decays monotonically: a later now never scores higher for the same past events", () => {
    fc.assert(
      fc.property(fc.array(pastEvent), fc.integer({ min: 0, max: 400 }), (events, later) => {
        const then = new Date(NOW.getTime() + later * DAY);
        expect(engagementScore(events, then)).toBeLessThanOrEqual(engagementScore(events, NOW));
      }),
    );
  });

  it("never drops when a positive event is added", () => {
    fc.assert(
      fc.property(fc.array(pastEvent), pastEvent, (events, extra) => {
        expect(engagementScore([...events, extra], NOW)).toBeGreaterThanOrEqual(engagementScore(events, NOW));
      }),
    );
  });
});
