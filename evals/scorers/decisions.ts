import type { GuardDecision } from "../../graph/state.ts";
import type { DecisionExpectation, ExpectedDecision } from "../schema.ts";
import { type Check, check } from "./check.ts";

const FIELDS = ["actionType", "agent", "target", "contactEmail", "decision", "rule", "approval"] as const;

/** Whether an actual decision has every field the expected one names. */
export function decisionMatches(expected: ExpectedDecision, actual: GuardDecision): boolean {
  return FIELDS.every((f) => expected[f] === undefined || expected[f] === actual[f]);
}

function show(d: Partial<GuardDecision>): string {
  return `${d.actionType ?? "*"} ${d.contactEmail ?? d.target ?? "*"} ${d.decision}${d.rule ? `/${d.rule}` : ""}`;
}

/**
 * Scores guard decisions. Each expected decision is paired with a distinct actual one that has its fields.
 * `contains`: credit pairs / expected. `exact`: also no unexpected decision; credit pairs / max(expected, actual).
 */
export function scoreDecisions(expected: DecisionExpectation, actual: readonly GuardDecision[]): Check {
  const used = new Set<number>();
  const missing: ExpectedDecision[] = [];
  for (const e of expected.decisions) {
    const i = actual.findIndex((a, j) => !used.has(j) && decisionMatches(e, a));
    if (i >= 0) used.add(i);
    else missing.push(e);
  }
  const extra = actual.filter((_, j) => !used.has(j));
  const denominator =
    expected.match === "exact"
      ? Math.max(expected.decisions.length, actual.length)
      : expected.decisions.length;
  const parts = [
    missing.length ? `missing: ${missing.map(show).join("; ")}` : null,
    expected.match === "exact" && extra.length ? `unexpected: ${extra.map(show).join("; ")}` : null,
  ].filter(Boolean);
  return check(
    `decisions ${expected.match}`,
    denominator === 0 ? 1 : used.size / denominator,
    parts.length ? parts.join(" | ") : `${used.size} decision(s) as expected`,
  );
}
