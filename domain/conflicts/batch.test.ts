import { describe, expect, it } from "vitest";
import type { OutreachIntent } from "./context.ts";
import { compareIntents, decide, decideBatch } from "./decide.ts";
import type { Decision } from "./decision.ts";
import { bdIntent, ctx, DAY, intent, policy, touch } from "./test-fixtures.ts";

const onePerContact = policy({ caps: { perContact: [{ windowMs: 3 * DAY, max: 1 }] } });

// Decides in both input orders; returns the id of the only allowed intent (checking it is the same both ways).
function winner(intents: OutreachIntent[], c = ctx({ policy: onePerContact })): string {
  const ids = (ds: Decision[], xs: OutreachIntent[]) =>
    xs.filter((_, i) => ds[i]!.type === "allow").map((x) => x.actionId);
  const forward = ids(decideBatch(intents, c), intents);
  const reversed = [...intents].reverse();
  expect(ids(decideBatch(reversed, c), reversed)).toEqual(forward);
  expect(forward).toHaveLength(1);
  return forward[0]!;
}

describe("decideBatch", () => {
  it("returns nothing for nothing", () => {
    expect(decideBatch([], ctx())).toEqual([]);
  });

  it("yields one allow when marketing and BD touch the same contact under a 1-per-3-days cap", () => {
    const m = intent({ actionId: "campaign-execution#1" });
    const b = bdIntent({ actionId: "lead-engagement#4", contentHash: "h-intro" });
    const decisions = decideBatch([m, b], ctx({ policy: onePerContact }));
    expect(decisions[1]).toEqual({ type: "allow" });
    expect(decisions[0]).toMatchObject({
      type: "defer",
      rule: "cap_contact",
      until: new Date(ctx().now.getTime() + 3 * DAY),
    });
  });

  it("suppresses the second of two identical contents as a duplicate even with no caps", () => {
    const a = intent({ actionId: "content-creation#1", agent: "content-creation" });
    const b = intent({ actionId: "campaign-execution#2" });
    const decisions = decideBatch([a, b], ctx());
    expect(decisions[0]).toMatchObject({ type: "suppress", rule: "duplicate" });
    expect(decisions[0]!.type === "suppress" && decisions[0]!.reason).toMatch(
      /\(touch campaign-execution#2\)/,
    );
    expect(decisions[1]).toEqual({ type: "allow" });
  });

  it("orders by play: deal > sequence > partnership > campaign > nurture", () => {
    const plays = ["nurture", "campaign", "partnership", "sequence", "deal"] as const;
    const all = plays.map((play) => bdIntent({ play, actionId: `p-${play}`, contentHash: play }));
    expect(winner(all)).toBe("p-deal");
    expect(winner(all.filter((x) => x.play !== "deal"))).toBe("p-sequence");
    expect(winner(all.filter((x) => x.play !== "deal" && x.play !== "sequence"))).toBe("p-partnership");
    expect(winner(all.filter((x) => x.play === "campaign" || x.play === "nurture"))).toBe("p-campaign");
  });

  it("then by cluster (bd first), then agent id, then actionId", () => {
    const m = intent({ play: "campaign", actionId: "a#1", agent: "a-marketer", contentHash: "1" });
    const b = bdIntent({ play: "campaign", actionId: "z#1", agent: "z-bd", contentHash: "2" });
    expect(winner([m, b])).toBe("z#1");
    const x = intent({ actionId: "x#1", agent: "campaign-execution", contentHash: "1" });
    const y = intent({ actionId: "a#9", agent: "content-creation", contentHash: "2" });
    expect(winner([y, x])).toBe("x#1");
    const first = intent({ actionId: "campaign-execution#10", contentHash: "1" });
    const second = intent({ actionId: "campaign-execution#2", contentHash: "2" });
    expect(winner([second, first])).toBe("campaign-execution#10");
  });

  it("sorts consistently: compareIntents is antisymmetric on the tie-break keys", () => {
    const a = intent({ actionId: "a" });
    const b = intent({ actionId: "b" });
    expect(compareIntents(a, b)).toBeLessThan(0);
    expect(compareIntents(b, a)).toBeGreaterThan(0);
    expect(compareIntents(a, { ...a })).toBe(0);
  });

  it("counts only allowed intents as touches", () => {
    const p = policy({ caps: { perAgent: [{ windowMs: DAY, max: 1 }] } });
    const suppressions = [
      { contactEmail: "ana@acme.com", accountDomain: null, reason: "bounced" as const, expiresAt: null },
    ];
    const dropped = intent({ actionId: "m#1" });
    const kept = intent({ actionId: "m#2", contactEmail: "bo@acme.com" });
    const decisions = decideBatch([dropped, kept], ctx({ policy: p, suppressions }));
    expect(decisions.map((d) => d.type)).toEqual(["suppress", "allow"]);
  });

  it("caps an agent from the store's counts when two caps share a window", () => {
    // Found by property (e): the count read for the 1-per-window cap was used for the 2-per-window one.
    const p = policy({
      caps: {
        perAgent: [
          { windowMs: 10 * DAY, max: 1 },
          { windowMs: 10 * DAY, max: 2 },
        ],
      },
    });
    const mine = { agent: "campaign-execution" };
    const recentTouches = [touch("t0", 0, mine), touch("t1", 0, mine)];
    const agentCounts = p.caps.perAgent.map((cap) => ({
      agent: "campaign-execution",
      windowMs: cap.windowMs,
      max: cap.max,
      count: 2,
      newest: recentTouches.slice(0, cap.max).map((t) => t.at),
    }));
    const listed = decideBatch([intent()], ctx({ policy: p, recentTouches }));
    expect(listed[0]).toMatchObject({ type: "defer", rule: "cap_agent" });
    expect(decideBatch([intent()], ctx({ policy: p, recentTouches, agentCounts }))).toEqual(listed);
  });

  it("agrees with decide for a single intent and leaves the context's touches alone", () => {
    const recentTouches = [touch("t1", DAY)];
    const c = ctx({ policy: onePerContact, recentTouches });
    expect(decideBatch([intent()], c)).toEqual([decide(intent(), c)]);
    decideBatch([bdIntent({ contactEmail: "bo@acme.com" })], c);
    expect(c.recentTouches).toEqual([touch("t1", DAY)]);
    expect(decide(bdIntent({ contactEmail: "bo@acme.com" }), c)).toEqual({ type: "allow" });
  });

  it("keeps per-agent caps across a large enrolment", () => {
    const p = policy({ caps: { perAgent: [{ windowMs: DAY, max: 500 }] } });
    const many = Array.from({ length: 2_000 }, (_, i) =>
      intent({
        actionId: `campaign-execution#1|c${i}@x${i % 50}.com`,
        contactEmail: `c${i}@x${i % 50}.com`,
        accountDomain: `x${i % 50}.com`,
      }),
    );
    const decisions = decideBatch(many, ctx({ policy: p }));
    expect(decisions.filter((d) => d.type === "allow")).toHaveLength(500);
    expect(decisions.filter((d) => d.type === "defer" && d.rule === "cap_agent")).toHaveLength(1_500);
  });
});
