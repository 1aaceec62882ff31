import { describe, expect, it } from "vitest";
import { leadScore } from "./lead-score.ts";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2025, 5, 1));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const IDEAL = { industry: "SaaS", employees: 800, country: "GB", title: "CFO" };

describe("leadScore", () => {
  it("scores fit and engagement and explains an MQL", () => {
    const score = leadScore({
      facts: IDEAL,
      events: [
        { kind: "email_reply", at: daysAgo(0) },
        { kind: "meeting_booked", at: daysAgo(30) },
        { kind: "webinar_attended", at: daysAgo(0) },
        { kind: "content_download", at: daysAgo(0) },
        { kind: "email_click", at: daysAgo(0) },
      ],
      now: NOW,
    });
    expect(score).toEqual({
      fit: 100,
      engagement: 10 + 10 + 10 + 8 + 3,
      mql: true,
      reasons: [
        "core industry: SaaS (+30)",
        "201–5,000 employees: 800 employees (+30)",
        "core market: GB (+15)",
        "executive: CFO (+25)",
        "Engagement 41 from 5 event(s); strongest: email_reply (+10 after decay).",
        "MQL: fit 100 ≥ 60 and engagement 41 ≥ 40.",
      ],
    });
  });

  it("says which threshold was missed", () => {
    const score = leadScore({ facts: IDEAL, events: [{ kind: "email_reply", at: daysAgo(30) }], now: NOW });
    expect(score.mql).toBe(false);
    expect(score.reasons.at(-1)).toBe("Not an MQL: fit 100 ≥ 60 and engagement 5 < 40.");
  });

  it("qualifies a demo request whatever the scores, from the flag or an event", () => {
    const flagged = leadScore({ facts: {}, events: [], now: NOW, demoRequested: true });
    expect(flagged).toMatchObject({ fit: 0, engagement: 0, mql: true });
    expect(flagged.reasons).toEqual([
      "No fit rule matched.",
      "No engagement so far.",
      "MQL: the lead requested a demo.",
    ]);
    const event = leadScore({ facts: {}, events: [{ kind: "demo_request", at: daysAgo(300) }], now: NOW });
    expect(event.mql).toBe(true);
  });

  it("ignores a demo request after now", () => {
    const future = leadScore({
      facts: {},
      events: [{ kind: "demo_request", at: new Date(NOW.getTime() + DAY) }],
      now: NOW,
    });
    expect(future).toMatchObject({ engagement: 0, mql: false });
  });

  it("passes rules, engagement options and thresholds through", () => {
    const score = leadScore(
      { facts: { industry: "Retail" }, events: [{ kind: "ping", at: daysAgo(10) }], now: NOW },
      {
        fitRules: [{ type: "industry", label: "retail", points: 50, anyOf: ["Retail"] }],
        engagement: { halfLifeDays: 10, points: { ping: 40 } },
        thresholds: { fit: 50, engagement: 20 },
      },
    );
    expect(score).toMatchObject({ fit: 50, engagement: 20, mql: true });
  });
});
