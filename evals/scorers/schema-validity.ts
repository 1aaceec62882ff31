import type { AgentDefinition } from "../../agents/agent.ts";
import { ProposedActionBody } from "../../domain/actions.ts";
import type { AgentId } from "../../domain/agents.ts";
import { GuardDecision } from "../../graph/state.ts";
import type { Observation } from "../harness.ts";
import { type Check, check } from "./check.ts";

const DROPPED = new Set(["artefact_invalid", "proposal_invalid"]);

/**
 * Schema validity: every artefact fits its agent's schema, every proposal fits the action schema, every
 * decision fits the guard's; a proposal or artefact the graph dropped as invalid counts against it.
 */
export function scoreSchemaValidity(
  observation: Pick<Observation, "results" | "decisions" | "errors">,
  agents: Readonly<Record<AgentId, AgentDefinition>>,
): Check {
  let total = 0;
  const bad: string[] = [];
  for (const r of observation.results) {
    total++;
    if (!agents[r.agent].artefact.safeParse(r.artefact).success) bad.push(`${r.agent} artefact`);
    r.proposals.forEach((p, i) => {
      total++;
      if (!ProposedActionBody.safeParse(p).success) bad.push(`${r.agent} proposal ${i + 1}`);
    });
  }
  for (const d of observation.decisions) {
    total++;
    if (!GuardDecision.safeParse(d).success) bad.push(`decision ${d.actionId}`);
  }
  const dropped = observation.errors.filter((e) => DROPPED.has(e.code));
  for (const e of dropped) bad.push(`${e.node}: ${e.code}`);
  total += dropped.length;
  return check(
    "schema validity",
    total === 0 ? 1 : (total - bad.length) / total,
    bad.length ? `invalid: ${bad.join(", ")}` : `${total} object(s) valid`,
  );
}
