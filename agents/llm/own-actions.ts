import { z } from "zod";
import {
  CreateCampaign,
  CreateOpportunity,
  EnrolInCampaign,
  MakeOffer,
  MoveStage,
  SendTouch,
} from "../../domain/actions.ts";
import type { AgentId } from "../../domain/agents.ts";

const BY_TYPE = {
  send_touch: SendTouch,
  enrol_in_campaign: EnrolInCampaign,
  create_campaign: CreateCampaign,
  move_stage: MoveStage,
  create_opportunity: CreateOpportunity,
  make_offer: MakeOffer,
} as const;

/** An action type an agent may propose. */
export type ActionType = keyof typeof BY_TYPE;

/** The action types each agent's job covers (what its playbook proposes); the rest are not its to propose. */
export const OWN_ACTIONS: Readonly<Record<AgentId, readonly ActionType[]>> = {
  "market-intelligence": [],
  "opportunity-scout": ["create_opportunity"],
  "lead-engagement": ["send_touch"],
  "partnership-negotiator": ["make_offer"],
  "deal-closer": ["move_stage", "send_touch"],
  "marketing-strategy": [],
  "campaign-planner": ["create_campaign"],
  "content-creation": [],
  "campaign-execution": ["enrol_in_campaign"],
  "marketing-analytics": [],
};

/** The schema of one agent's proposals, or null when the agent proposes nothing. */
export function ownProposalSchema(agent: AgentId): z.ZodType | null {
  const types = OWN_ACTIONS[agent];
  const [first, second, ...rest] = types.map((t) => BY_TYPE[t]);
  if (!first) return null;
  if (!second) return first;
  return z.discriminatedUnion("type", [first, second, ...rest]);
}
