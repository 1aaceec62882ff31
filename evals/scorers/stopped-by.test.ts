import { describe, expect, it } from "vitest";
import type { GuardDecision } from "../../graph/state.ts";
import { scoreStoppedBy, stopperOf } from "./stopped-by.ts";

const decision = (d: Partial<GuardDecision>): GuardDecision =>
  ({
    actionId: "a1",
    agent: "lead-engagement",
    actionType: "send_touch",
    target: "-",
    contactEmail: "ana@acme.com",
    accountDomain: "acme.com",
    decision: "allow",
    rule: null,
    reason: "",
    until: null,
    approval: "not_needed",
    approvalReason: null,
    ...d,
  }) as GuardDecision;

describe("stopped-by scorer", () => {
  it("reads the layer that stopped a run: intake, agent, guard (with its rules) or approval", () => {
    expect(stopperOf({ status: "duplicate", decisions: [] })).toEqual({ by: "intake", rules: [] });
    expect(stopperOf({ status: "completed", decisions: [] })).toEqual({ by: "agent", rules: [] });
    const suppressed = decision({ decision: "suppress", rule: "suppression" });
    expect(stopperOf({ status: "completed", decisions: [suppressed] })).toEqual({
      by: "guard",
      rules: ["suppression"],
    });
    const waiting = decision({ approval: "required" });
    expect(stopperOf({ status: "waiting_approval", decisions: [waiting] })).toEqual({
      by: "approval",
      rules: [],
    });
    expect(stopperOf({ status: "completed", decisions: [decision({ approval: "approved" })] }).by).toBe(
      "nobody",
    );
  });

  it("fails a case stopped by the wrong layer or by the guard under another rule, naming both", () => {
    const o = {
      status: "completed" as const,
      decisions: [decision({ decision: "defer", rule: "cap_contact" })],
    };
    expect(scoreStoppedBy({ stopped_by: "guard", rule: "cap_contact" }, o).pass).toBe(true);
    const wrongRule = scoreStoppedBy({ stopped_by: "guard", rule: "suppression" }, o);
    expect(wrongRule).toMatchObject({ pass: false, score: 0 });
    expect(wrongRule.detail).toBe(
      "expected the guard (rule suppression) to stop it; stopped by the guard (rules cap_contact)",
    );
    const byAgent = scoreStoppedBy(
      { stopped_by: "guard", rule: "suppression" },
      { status: "completed", decisions: [] },
    );
    expect(byAgent.detail).toBe("expected the guard (rule suppression) to stop it; stopped by the agent");
    expect(scoreStoppedBy({ stopped_by: "agent" }, o).pass).toBe(false);
  });
});
