import type { AgentId } from "../../../../domain/agents.ts";
import type { EvalCaseInput } from "../../../schema.ts";

/** A trajectory-suite case as the dataset stores it. */
export type Trajectory = Extract<EvalCaseInput, { suite: "trajectory" }>;
type Expect = Trajectory["expect"];

/** Builds a trajectory case from its request and expected route, tool calls and decisions. */
export function c(
  id: string,
  description: string,
  agents: AgentId[],
  request: Trajectory["request"],
  expect: Expect,
  extra: Partial<Trajectory> = {},
): Trajectory {
  return { suite: "trajectory", id, description, agents, request, expect, ...extra };
}

/** The lead-engagement agent. */
export const LE: AgentId = "lead-engagement";
/** Lead engagement's exact tool calls for one lead: read its context, then draft a sequence. */
export const leTools = (email: string) => ({
  order: "exact" as const,
  calls: [
    { agent: LE, tool: "crm_lead_context", args: { email }, argMode: "exact" as const },
    { agent: LE, tool: "outreach_draft_sequence", args: { contactEmail: email } },
  ],
});
/** An expected `send_touch` guard decision for a contact. */
export const touch = (
  email: string,
  decision: "allow" | "defer" | "suppress",
  rule: string | null,
  approval?: "not_needed" | "required",
) => ({
  actionType: "send_touch",
  contactEmail: email,
  decision,
  rule,
  ...(approval ? { approval } : {}),
});
