import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import { ago, ctx, DAY, intent, policy, touch } from "./test-fixtures.ts";

describe("decide — duplicate", () => {
  const W = 14 * DAY;
  const same = (id: string, msAgo: number, over = {}) =>
    touch(id, msAgo, { contentHash: "h-welcome", ...over });

  it("keeps the first: same contact, channel and content inside the window is dropped", () => {
    expect(decide(intent(), ctx({ recentTouches: [same("t2", DAY), same("t1", 2 * DAY)] }))).toEqual({
      type: "suppress",
      rule: "duplicate",
      reason: `Contact ana@acme.com already got the same content by email at ${ago(2 * DAY).toISOString()} (touch t1), inside the 14 days dedupe window; the first is kept.`,
    });
  });

  it("is exact at the window's edge: at now − W out, 1 ms inside in, at now in", () => {
    expect(decide(intent(), ctx({ recentTouches: [same("t1", W)] }))).toEqual({ type: "allow" });
    expect(decide(intent(), ctx({ recentTouches: [same("t1", W - 1)] })).type).toBe("suppress");
    expect(decide(intent(), ctx({ recentTouches: [same("t1", 0)] })).type).toBe("suppress");
  });

  it("is not a duplicate on another channel, content or contact", () => {
    const other = [
      same("a", DAY, { channel: "linkedin" }),
      same("b", DAY, { contentHash: "h-other" }),
      same("c", DAY, { contentHash: null }),
      same("d", DAY, { contactEmail: "bo@acme.com" }),
    ];
    expect(decide(intent(), ctx({ recentTouches: other }))).toEqual({ type: "allow" });
  });
});

describe("decide — frequency caps", () => {
  const capped = (caps: Parameters<typeof policy>[0]) => policy(caps);

  it("defers a contact over its cap until the oldest counted touch leaves", () => {
    const p = capped({ caps: { perContact: [{ windowMs: 3 * DAY, max: 1 }] } });
    expect(decide(intent(), ctx({ policy: p, recentTouches: [touch("t1", DAY)] }))).toEqual({
      type: "defer",
      rule: "cap_contact",
      reason: `Contact ana@acme.com has had 1 touch in the last 3 days (cap 1 per 3 days); the touch to ana@acme.com waits until ${ago(-2 * DAY).toISOString()}.`,
      until: ago(-2 * DAY),
    });
  });

  it("is exact at the boundary: a touch at now − W no longer counts, one 1 ms inside does", () => {
    const p = capped({ caps: { perContact: [{ windowMs: 3 * DAY, max: 1 }] } });
    expect(decide(intent(), ctx({ policy: p, recentTouches: [touch("t1", 3 * DAY)] }))).toEqual({
      type: "allow",
    });
    expect(decide(intent(), ctx({ policy: p, recentTouches: [touch("t1", 3 * DAY - 1)] }))).toMatchObject({
      type: "defer",
      until: ago(-1),
    });
    expect(decide(intent(), ctx({ policy: p, recentTouches: [touch("t1", 0)] }))).toMatchObject({
      type: "defer",
      until: ago(-3 * DAY),
    });
  });

  it("caps the account across its contacts, and skips contacts without an account", () => {
    const p = capped({ caps: { perAccount: [{ windowMs: 7 * DAY, max: 2 }] } });
    const touches = [
      touch("t1", DAY, { contactEmail: "bo@acme.com" }),
      touch("t2", 5 * DAY, { contactEmail: "cy@acme.com" }),
    ];
    expect(decide(intent(), ctx({ policy: p, recentTouches: touches }))).toMatchObject({
      type: "defer",
      rule: "cap_account",
      reason: expect.stringMatching(
        /^Account acme\.com has had 2 touches in the last 7 days \(cap 2 per 7 days\)/,
      ),
      until: ago(-2 * DAY),
    });
    expect(
      decide(
        intent({ contactEmail: "dee@gmail.com", accountDomain: null }),
        ctx({ policy: p, recentTouches: touches }),
      ),
    ).toEqual({ type: "allow" });
  });

  it("caps the agent across contacts", () => {
    const p = capped({ caps: { perAgent: [{ windowMs: DAY, max: 2 }] } });
    const mine = { agent: "campaign-execution", contactEmail: "x@other.org", accountDomain: "other.org" };
    const touches = [
      touch("t1", DAY / 2, mine),
      touch("t2", DAY / 4, mine),
      touch("t3", DAY / 8, { contactEmail: "y@o.org" }),
    ];
    expect(decide(intent(), ctx({ policy: p, recentTouches: touches }))).toMatchObject({
      type: "defer",
      rule: "cap_agent",
      reason: expect.stringContaining("Agent campaign-execution has had 2 touches in the last 1 day"),
      until: ago(-DAY / 2),
    });
  });

  it("names the first broken cap but waits until every broken cap holds", () => {
    // Contact: 1 per 3 days, free in 2 days. Agent: 1 per 10 days, free in 6 days.
    const p = capped({
      caps: { perContact: [{ windowMs: 3 * DAY, max: 1 }], perAgent: [{ windowMs: 10 * DAY, max: 1 }] },
    });
    const touches = [
      touch("t1", DAY),
      touch("t2", 4 * DAY, { agent: "campaign-execution", contactEmail: "q@z.io" }),
    ];
    const d = decide(intent(), ctx({ policy: p, recentTouches: touches }));
    expect(d).toMatchObject({ type: "defer", rule: "cap_contact", until: ago(-6 * DAY) });
    expect(d.type === "defer" && d.reason).toMatch(/, when all 2 broken caps allow it\.$/);
  });
});
