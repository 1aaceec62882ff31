import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import { ago, bdIntent, ctx, DAY, intent, NOW, policy } from "./test-fixtures.ts";

const RECHECK = ago(-DAY);

describe("decide — suppression", () => {
  it("suppresses a contact-level suppression, any cluster and play", () => {
    const c = ctx({
      suppressions: [
        { contactEmail: "ana@acme.com", accountDomain: null, reason: "unsubscribed", expiresAt: null },
      ],
    });
    expect(decide(intent(), c)).toEqual({
      type: "suppress",
      rule: "suppression",
      reason:
        "Contact ana@acme.com is suppressed (unsubscribed); suppression always wins, so no touch is sent.",
    });
    expect(decide(bdIntent({ play: "deal" }), c)).toMatchObject({ type: "suppress", rule: "suppression" });
  });

  it("matches emails case-insensitively", () => {
    const c = ctx({
      suppressions: [
        { contactEmail: "Ana@ACME.com", accountDomain: null, reason: "bounced", expiresAt: null },
      ],
    });
    expect(decide(intent(), c).type).toBe("suppress");
  });

  it("suppresses every contact of an account-level suppression, not other accounts", () => {
    const c = ctx({
      suppressions: [{ contactEmail: null, accountDomain: "acme.com", reason: "objection", expiresAt: null }],
    });
    expect(decide(intent({ contactEmail: "bo@acme.com" }), c)).toMatchObject({
      type: "suppress",
      rule: "suppression",
      reason: expect.stringContaining("Account acme.com is suppressed (objection)"),
    });
    expect(decide(intent({ contactEmail: "cy@beta.io", accountDomain: "beta.io" }), c)).toEqual({
      type: "allow",
    });
    expect(decide(intent({ contactEmail: "cy@gmail.com", accountDomain: null }), c)).toEqual({
      type: "allow",
    });
  });

  it("ignores a suppression that expired at or before now, and honours one expiring 1 ms later", () => {
    const s = (expiresAt: Date) => ({
      contactEmail: "ana@acme.com",
      accountDomain: null,
      reason: "objection" as const,
      expiresAt,
    });
    expect(decide(intent(), ctx({ suppressions: [s(ago(DAY))] }))).toEqual({ type: "allow" });
    expect(decide(intent(), ctx({ suppressions: [s(NOW)] }))).toEqual({ type: "allow" });
    expect(decide(intent(), ctx({ suppressions: [s(ago(-1))] }))).toMatchObject({
      type: "suppress",
      reason: expect.stringContaining(`(objection) until ${ago(-1).toISOString()}`),
    });
  });
});

describe("decide — open opportunity", () => {
  const c = ctx({
    openOpportunities: [{ id: "opp-7", accountDomain: "acme.com", owner: "deal-closer", ownerCluster: "bd" }],
  });

  it("lets the owner's deal play through", () => {
    expect(decide(bdIntent({ play: "deal", agent: "deal-closer" }), c)).toEqual({ type: "allow" });
  });

  it("pauses marketing until now + pauseRecheckMs", () => {
    expect(decide(intent({ play: "campaign" }), c)).toEqual({
      type: "defer",
      rule: "open_opportunity",
      reason: `Account acme.com has open opportunity opp-7 owned by deal-closer; marketing touches to ana@acme.com pause until ${RECHECK.toISOString()}.`,
      until: RECHECK,
    });
  });

  it("drops other BD plays: the deal owner works the account", () => {
    for (const play of ["sequence", "partnership"] as const) {
      expect(decide(bdIntent({ play }), c)).toMatchObject({
        type: "suppress",
        rule: "open_opportunity",
        reason: expect.stringContaining(`only the owner's deal plays may touch it, so this ${play} touch`),
      });
    }
  });

  it("does not touch other accounts or contacts without an account", () => {
    expect(decide(intent({ accountDomain: "beta.io", contactEmail: "cy@beta.io" }), c)).toEqual({
      type: "allow",
    });
    expect(decide(intent({ accountDomain: null }), c)).toEqual({ type: "allow" });
  });

  it("falls back to a one-day pause when the policy has none", () => {
    const { pauseRecheckMs: _, ...rest } = policy();
    const d = decide(intent(), { ...c, policy: rest, now: ago(DAY) });
    expect(d).toMatchObject({ type: "defer", until: NOW });
  });
});

describe("decide — active BD sequence", () => {
  const seq = (contactEmail: string, cluster: "bd" | "marketing" = "bd") => ({
    id: "seq-3",
    contactEmail,
    accountDomain: "acme.com",
    agent: "lead-engagement",
    cluster,
  });

  it("makes marketing wait for the contact's BD sequence", () => {
    expect(decide(intent(), ctx({ activeSequences: [seq("ana@acme.com")] }))).toEqual({
      type: "defer",
      rule: "active_sequence",
      reason: `Contact ana@acme.com is in active BD sequence seq-3 run by lead-engagement; marketing waits until ${RECHECK.toISOString()}.`,
      until: RECHECK,
    });
  });

  it("makes marketing wait for a BD sequence elsewhere in the account", () => {
    expect(decide(intent(), ctx({ activeSequences: [seq("bo@acme.com")] }))).toMatchObject({
      type: "defer",
      rule: "active_sequence",
      reason: expect.stringMatching(/^Account acme\.com \(of ana@acme\.com\) is in active BD sequence seq-3/),
    });
  });

  it("lets BD's own plays pass and ignores marketing sequences", () => {
    expect(decide(bdIntent(), ctx({ activeSequences: [seq("ana@acme.com")] }))).toEqual({ type: "allow" });
    expect(decide(intent(), ctx({ activeSequences: [seq("ana@acme.com", "marketing")] }))).toEqual({
      type: "allow",
    });
  });
});

describe("decide — lease", () => {
  const lease = { accountDomain: "acme.com", holder: "partnership-negotiator", expiresAt: ago(-2 * DAY) };

  it("defers until the lease ends when someone else holds it", () => {
    expect(decide(bdIntent(), ctx({ lease }))).toEqual({
      type: "defer",
      rule: "lease",
      reason: `Account acme.com is leased by partnership-negotiator until ${lease.expiresAt.toISOString()}; the touch to ana@acme.com waits for the lease to end.`,
      until: lease.expiresAt,
    });
  });

  it("passes the holder, an expired lease and other accounts", () => {
    expect(decide(bdIntent({ agent: "partnership-negotiator" }), ctx({ lease }))).toEqual({ type: "allow" });
    expect(decide(bdIntent(), ctx({ lease: { ...lease, expiresAt: NOW } }))).toEqual({ type: "allow" });
    expect(decide(bdIntent({ accountDomain: "beta.io" }), ctx({ lease }))).toEqual({ type: "allow" });
  });
});
