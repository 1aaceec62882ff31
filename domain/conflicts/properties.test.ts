import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Play } from "../actions.ts";
import type { Cluster } from "../agents.ts";
import type {
  AgentWindowCount,
  ConflictContext,
  OutreachIntent,
  RecentTouch,
  Suppression,
} from "./context.ts";
import { compareIntents, decideBatch } from "./decide.ts";
import { type Cap, conflictPolicy } from "./policy.ts";
import { DAY, NOW } from "./test-fixtures.ts";
import { touchLog } from "./touch-log.ts";
import { capRule } from "./volume-rules.ts";
import { inRollingWindow } from "./window.ts";

// Small pools so that collisions (same contact, account, agent, content) are frequent.
const CONTACTS = [
  ["ana@acme.com", "acme.com"],
  ["bo@acme.com", "acme.com"],
  ["cy@beta.io", "beta.io"],
  ["dee@beta.io", "beta.io"],
  ["eve@gmail.com", null],
] as const;
const AGENTS: readonly (readonly [string, Cluster, readonly Play[]])[] = [
  ["deal-closer", "bd", ["deal"]],
  ["lead-engagement", "bd", ["sequence"]],
  ["partnership-negotiator", "bd", ["partnership"]],
  ["campaign-execution", "marketing", ["campaign", "nurture"]],
  ["content-creation", "marketing", ["nurture"]],
];
const CHANNELS = ["email", "linkedin"];
const HASHES = ["h1", "h2", "h3"];

const capArb: fc.Arbitrary<Cap> = fc.record({
  windowMs: fc.integer({ min: 1, max: 10 }).map((d) => d * DAY),
  max: fc.integer({ min: 1, max: 4 }),
});

const touchArb: fc.Arbitrary<Omit<RecentTouch, "id">> = fc
  .record({
    contact: fc.constantFrom(...CONTACTS),
    agent: fc.option(fc.constantFrom(...AGENTS.map((a) => a[0])), { nil: null }),
    channel: fc.constantFrom(...CHANNELS),
    hash: fc.option(fc.constantFrom(...HASHES), { nil: null }),
    // Up to 12 days back, on a coarse grid so touches often sit exactly on window edges.
    msAgo: fc.integer({ min: 0, max: 48 }).map((q) => (q * DAY) / 4),
  })
  .map((t) => ({
    contactEmail: t.contact[0],
    accountDomain: t.contact[1],
    channel: t.channel,
    contentHash: t.hash,
    agent: t.agent,
    at: new Date(NOW.getTime() - t.msAgo),
  }));

const suppressionArb: fc.Arbitrary<Suppression> = fc
  .record({
    contact: fc.constantFrom(...CONTACTS),
    accountLevel: fc.boolean(),
    expires: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  })
  .map((s) => ({
    contactEmail: s.accountLevel ? null : s.contact[0],
    accountDomain: s.accountLevel ? (s.contact[1] ?? "nowhere.example") : null,
    reason: "objection",
    expiresAt: s.expires === null ? null : new Date(NOW.getTime() + s.expires * DAY),
  }));

const intentArb = fc.record({
  agent: fc.constantFrom(...AGENTS),
  contact: fc.constantFrom(...CONTACTS),
  channel: fc.constantFrom(...CHANNELS),
  hash: fc.constantFrom(...HASHES),
  pick: fc.nat(),
});

const scenarioArb = fc
  .record({
    intents: fc.array(intentArb, { maxLength: 30 }),
    touches: fc.array(touchArb, { maxLength: 15 }),
    suppressions: fc.array(suppressionArb, { maxLength: 3 }),
    oppOn: fc.option(fc.constantFrom("acme.com", "beta.io"), { nil: null }),
    seqFor: fc.option(fc.constantFrom(...CONTACTS), { nil: null }),
    dedupeDays: fc.integer({ min: 1, max: 14 }),
    perContact: fc.array(capArb, { maxLength: 2 }),
    perAccount: fc.array(capArb, { maxLength: 2 }),
    perAgent: fc.array(capArb, { maxLength: 2 }),
  })
  .map((s) => {
    const intents: OutreachIntent[] = s.intents.map((x, i) => {
      const [agent, cluster, plays] = x.agent;
      return {
        actionId: `${agent}#${i}`,
        agent,
        cluster,
        play: plays[x.pick % plays.length]!,
        contactEmail: x.contact[0],
        accountDomain: x.contact[1],
        channel: x.channel,
        contentHash: x.hash,
        at: NOW,
      };
    });
    const ctx: ConflictContext = {
      now: NOW,
      suppressions: s.suppressions,
      openOpportunities: s.oppOn
        ? [{ id: "opp-1", accountDomain: s.oppOn, owner: "deal-closer", ownerCluster: "bd" }]
        : [],
      activeSequences: s.seqFor
        ? [
            {
              id: "seq-1",
              contactEmail: s.seqFor[0],
              accountDomain: s.seqFor[1],
              agent: "lead-engagement",
              cluster: "bd",
            },
          ]
        : [],
      lease: null,
      recentTouches: s.touches.map((t, i) => ({ ...t, id: `t${i}` })),
      policy: conflictPolicy({
        dedupeWindowMs: s.dedupeDays * DAY,
        caps: { perContact: s.perContact, perAccount: s.perAccount, perAgent: s.perAgent },
      }),
    };
    return { intents, ctx };
  });

function allowed(intents: OutreachIntent[], ctx: ConflictContext): OutreachIntent[] {
  const decisions = decideBatch(intents, ctx);
  return intents.filter((_, i) => decisions[i]!.type === "allow");
}

// An independent oracle for suppression: written from docs/domain-rules.md, not from the rule code.
function isSuppressed(x: OutreachIntent, ctx: ConflictContext): boolean {
  return ctx.suppressions.some(
    (s) =>
      (s.expiresAt === null || s.expiresAt.getTime() > ctx.now.getTime()) &&
      (s.contactEmail === x.contactEmail || (s.contactEmail === null && s.accountDomain === x.accountDomain)),
  );
}

interface Event {
  key: string | null;
  t: number;
  allowed: boolean;
}

// Brute force over every window end that can matter: each event time and each (event time + W − 1 ms).
function worstWindowWithAnAllowed(events: Event[], key: string, windowMs: number): number {
  const mine = events.filter((e) => e.key === key);
  let worst = 0;
  for (const end of mine.flatMap((e) => [e.t, e.t + windowMs - 1])) {
    const inside = mine.filter((e) => e.t > end - windowMs && e.t <= end);
    if (inside.some((e) => e.allowed)) worst = Math.max(worst, inside.length);
  }
  return worst;
}

describe("decideBatch properties", () => {
  it("(a) never allows a suppressed contact or account", () => {
    fc.assert(
      fc.property(scenarioArb, ({ intents, ctx }) => {
        for (const x of allowed(intents, ctx)) expect(isSuppressed(x, ctx), x.actionId).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("(b) replaying history plus allowed intents in time, no window holding an allowed one exceeds its cap", () => {
    fc.assert(
      fc.property(scenarioArb, ({ intents, ctx }) => {
        const ok = allowed(intents, ctx);
        const sides = [
          ["perContact", (e: { contactEmail: string }) => e.contactEmail],
          ["perAccount", (e: { accountDomain: string | null }) => e.accountDomain],
          ["perAgent", (e: { agent: string | null }) => e.agent],
        ] as const;
        for (const [kind, keyOf] of sides) {
          const events: Event[] = [
            ...ctx.recentTouches.map((t) => ({ key: keyOf(t), t: t.at.getTime(), allowed: false })),
            ...ok.map((x) => ({ key: keyOf(x), t: ctx.now.getTime(), allowed: true })),
          ];
          for (const key of new Set(ok.map(keyOf))) {
            if (key === null) continue;
            for (const cap of ctx.policy.caps[kind]) {
              expect(
                worstWindowWithAnAllowed(events, key, cap.windowMs),
                `${kind} ${key}`,
              ).toBeLessThanOrEqual(cap.max);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("(c) decides the same for each actionId whatever the input order", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray(s.intents, { minLength: s.intents.length })),
        ),
        ([{ intents, ctx }, shuffled]) => {
          const byId = (xs: OutreachIntent[]) => {
            const ds = decideBatch(xs, ctx);
            return new Map(xs.map((x, i) => [x.actionId, ds[i]]));
          };
          expect(byId(shuffled)).toEqual(byId(intents));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("(d) allows no two duplicates within the dedupe window, nor a duplicate of a recent touch", () => {
    fc.assert(
      fc.property(scenarioArb, ({ intents, ctx }) => {
        const ok = allowed(intents, ctx);
        const seen = new Set<string>();
        for (const x of ok) {
          const key = `${x.contactEmail}|${x.channel}|${x.contentHash}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          const earlier = ctx.recentTouches.some(
            (t) =>
              t.contactEmail === x.contactEmail &&
              t.channel === x.channel &&
              t.contentHash === x.contentHash &&
              t.at.getTime() > ctx.now.getTime() - ctx.policy.dedupeWindowMs,
          );
          expect(earlier, key).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("defers a capped intent to exactly the first instant at which every cap holds, given the touches before it", () => {
    fc.assert(
      fc.property(scenarioArb, ({ intents, ctx }) => {
        const decisions = decideBatch(intents, ctx);
        // What the rules knew when deciding intent i: the history plus intents allowed earlier in batch order.
        const before = (i: number) => [
          ...ctx.recentTouches,
          ...intents
            .filter((x, j) => decisions[j]!.type === "allow" && compareIntents(x, intents[i]!) < 0)
            .map((x) => ({ ...x, id: x.actionId, at: ctx.now })),
        ];
        for (const [i, d] of decisions.entries()) {
          if (d.type !== "defer" || !d.rule.startsWith("cap_")) continue;
          const log = touchLog(before(i));
          const at = (ms: number) => capRule(intents[i]!, { ...ctx, now: new Date(ms) }, log);
          expect(at(d.until.getTime())).toBeNull();
          expect(at(d.until.getTime() - 1)).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("(e) decides exactly the same when the store counts each agent's touches instead of listing them", () => {
    fc.assert(
      fc.property(scenarioArb, ({ intents, ctx }) => {
        // What the guard's loader gives: per agent and per-agent cap, the count in the window and at most
        // `max` of the newest times, newest first.
        const agentCounts: AgentWindowCount[] = AGENTS.flatMap(([agent]) =>
          ctx.policy.caps.perAgent.map((cap) => {
            const times = ctx.recentTouches
              .filter((t) => t.agent === agent && inRollingWindow(t.at, ctx.now, cap.windowMs))
              .map((t) => t.at)
              .sort((a, b) => b.getTime() - a.getTime());
            return {
              agent,
              windowMs: cap.windowMs,
              max: cap.max,
              count: times.length,
              newest: times.slice(0, cap.max),
            };
          }),
        );
        expect(decideBatch(intents, { ...ctx, agentCounts })).toEqual(decideBatch(intents, ctx));
      }),
      { numRuns: 500 },
    );
  });

  it("allows something in a fair share of scenarios, so the properties above are not vacuous", () => {
    const samples = fc.sample(scenarioArb, { numRuns: 200, seed: 42 });
    const withAllow = samples.filter(({ intents, ctx }) => allowed(intents, ctx).length > 1).length;
    expect(withAllow).toBeGreaterThan(50);
  });
});
