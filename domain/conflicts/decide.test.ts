import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import { ago, ctx, DAY, intent, policy, touch } from "./test-fixtures.ts";

describe("decide — precedence", () => {
  const suppressed = {
    contactEmail: "ana@acme.com",
    accountDomain: null,
    reason: "do_not_contact" as const,
    expiresAt: null,
  };
  const opp = { id: "opp-1", accountDomain: "acme.com", owner: "deal-closer", ownerCluster: "bd" as const };
  const seq = {
    id: "seq-1",
    contactEmail: "ana@acme.com",
    accountDomain: "acme.com",
    agent: "lead-engagement",
    cluster: "bd" as const,
  };
  const lease = { accountDomain: "acme.com", holder: "deal-closer", expiresAt: ago(-DAY) };
  const p = policy({ caps: { perContact: [{ windowMs: 3 * DAY, max: 1 }] } });
  const dup = touch("t1", DAY, { contentHash: "h-welcome" });
  const everything = ctx({
    suppressions: [suppressed],
    openOpportunities: [opp],
    activeSequences: [seq],
    lease,
    recentTouches: [dup],
    policy: p,
  });
  const ruleOf = (c: typeof everything) => {
    const d = decide(intent(), c);
    return d.type === "allow" ? "allow" : d.rule;
  };

  it("applies the rules in docs/domain-rules.md order, peeling one at a time", () => {
    expect(ruleOf(everything)).toBe("suppression");
    expect(ruleOf({ ...everything, suppressions: [] })).toBe("open_opportunity");
    expect(ruleOf({ ...everything, suppressions: [], openOpportunities: [] })).toBe("active_sequence");
    const noSeq = { ...everything, suppressions: [], openOpportunities: [], activeSequences: [] };
    expect(ruleOf(noSeq)).toBe("lease");
    expect(ruleOf({ ...noSeq, lease: null })).toBe("duplicate");
    expect(ruleOf({ ...noSeq, lease: null, recentTouches: [touch("t1", DAY)] })).toBe("cap_contact");
  });

  it("suppressed and capped → suppression; open opportunity and sequence → open_opportunity", () => {
    expect(ruleOf(ctx({ suppressions: [suppressed], recentTouches: [touch("t1", DAY)], policy: p }))).toBe(
      "suppression",
    );
    expect(ruleOf(ctx({ openOpportunities: [opp], activeSequences: [seq] }))).toBe("open_opportunity");
  });
});
