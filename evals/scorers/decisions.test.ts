import { describe, expect, it } from "vitest";
import type { GuardDecision } from "../../graph/state.ts";
import { decisionMatches, scoreDecisions } from "./decisions.ts";

const decision = (over: Partial<GuardDecision>): GuardDecision => ({
  actionId: "lead-engagement#1",
  agent: "lead-engagement",
  actionType: "send_touch",
  target: "ana@acme.com",
  contactEmail: "ana@acme.com",
  accountDomain: "acme.com",
  decision: "allow",
  rule: null,
  reason: "ok",
  until: null,
  approval: "not_needed",
  approvalReason: null,
  ...over,
});

describe("decisionMatches", () => {
  it("checks only the fields the expectation names; rule null means no rule", () => {
    expect(decisionMatches({ decision: "allow" }, decision({}))).toBe(true);
    expect(decisionMatches({ decision: "allow", rule: null }, decision({}))).toBe(true);
    expect(decisionMatches({ decision: "suppress", rule: "suppression" }, decision({}))).toBe(false);
    expect(decisionMatches({ decision: "allow", approval: "required" }, decision({}))).toBe(false);
  });
});

describe("scoreDecisions", () => {
  const actual = [
    decision({ contactEmail: "ana@acme.com" }),
    decision({
      contactEmail: "sam@acme.com",
      target: "sam@acme.com",
      decision: "suppress",
      rule: "suppression",
    }),
  ];

  it("contains: every expected decision found, extras ignored", () => {
    const result = scoreDecisions(
      {
        match: "contains",
        decisions: [{ contactEmail: "sam@acme.com", decision: "suppress", rule: "suppression" }],
      },
      actual,
    );
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it("contains: a missing decision costs its share and is named", () => {
    const result = scoreDecisions(
      {
        match: "contains",
        decisions: [{ decision: "allow" }, { decision: "defer", rule: "lease" }],
      },
      actual,
    );
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.detail).toContain("missing: * * defer/lease");
  });

  it("exact: an unexpected extra decision fails, credit over the longer list", () => {
    const result = scoreDecisions({ match: "exact", decisions: [{ decision: "allow" }] }, actual);
    expect(result).toMatchObject({ pass: false, score: 0.5 });
    expect(result.detail).toContain("unexpected: send_touch sam@acme.com suppress/suppression");
  });

  it("pairs each expectation with a distinct decision", () => {
    const twice = {
      match: "contains" as const,
      decisions: [{ decision: "allow" as const }, { decision: "allow" as const }],
    };
    expect(scoreDecisions(twice, actual)).toMatchObject({ pass: false, score: 0.5 });
  });

  it("exact with nothing expected and nothing decided passes", () => {
    expect(scoreDecisions({ match: "exact", decisions: [] }, [])).toMatchObject({ pass: true });
    expect(scoreDecisions({ match: "exact", decisions: [] }, actual)).toMatchObject({
      pass: false,
      score: 0,
    });
  });
});
