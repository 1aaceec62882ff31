import type { AgentId } from "../../../../domain/agents.ts";
import type { FixtureRows } from "../../../fixtures/rows.ts";
import type { EvalCaseInput } from "../../../schema.ts";
import { chat } from "../shared.ts";

/** A policy-suite case as the dataset stores it. */
export type Policy = Extract<EvalCaseInput, { suite: "policy" }>;

/** Builds a policy case tagged with, and expecting, the given rules; `extra.expect` adds to the expectation. */
export function p(
  id: string,
  description: string,
  agents: AgentId[],
  rules: string[],
  request: Policy["request"],
  extra: Extra = {},
): Policy {
  return {
    suite: "policy",
    id,
    description,
    agents,
    tags: rules,
    request,
    // stopped_by (and the guard's rule) is filled in by policyCases() in ../policy.ts.
    expect: { rules, stopped_by: "guard", ...(extra.expect ?? {}) },
    ...omitExpect(extra),
  };
}
/** What a case adds to the defaults: any field, and any part of its expectation. */
type Extra = Partial<Omit<Policy, "expect">> & { expect?: Partial<Policy["expect"]> };
function omitExpect(extra: Extra): Partial<Omit<Policy, "expect">> {
  const { expect: _drop, ...rest } = extra;
  return rest;
}
/** A fixture of the standard CRM plus these rows. */
export const rows = (r: FixtureRows) => ({ base: "crm" as const, rows: r });
/** A fixture of only these rows. */
export const only = (r: FixtureRows) => ({ base: "empty" as const, rows: r });
/** Expects the guard to stop this contact with this decision under this rule. */
export const stop = (email: string, decision: "suppress" | "defer", rule: string) => ({
  expect: {
    rules: [rule],
    decisions: { match: "contains" as const, decisions: [{ contactEmail: email, decision, rule }] },
  },
});

/** The lead-engagement agent. */
export const LE: AgentId = "lead-engagement";
/** The campaign-execution agent. */
export const CE: AgentId = "campaign-execution";
/** The Acme account row. */
export const acme = { domain: "acme.com", name: "Acme", industry: "SaaS", employees: 800 };
/** Two reachable Acme contacts: a manager and a director. */
export const acmeContacts = [
  { email: "ana.lopez@acme.com", first_name: "Ana", title: "Marketing Manager", account_domain: "acme.com" },
  { email: "tina.tech@acme.com", first_name: "Tina", title: "IT Director", account_domain: "acme.com" },
];
/** The active spring nurture email campaign, owned by campaign execution. */
export const spring = [
  { id: "c-spring-nurture", name: "Spring nurture", channel: "email", status: "active", owner_agent: CE },
];
/** A chat request to enrol the spring nurture campaign. */
export const enrolSpring = chat("Kick off enrolment for the spring nurture campaign");
