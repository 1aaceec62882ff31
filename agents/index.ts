import { AGENT_IDS, type AgentId } from "../domain/agents.ts";
import type { AgentDefinition } from "./agent.ts";
import { campaignExecution } from "./campaign-execution.ts";
import { campaignPlanner } from "./campaign-planner.ts";
import { contentCreation } from "./content-creation.ts";
import { dealCloser } from "./deal-closer.ts";
import { leadEngagement } from "./lead-engagement.ts";
import { marketIntelligence } from "./market-intelligence.ts";
import { marketingAnalytics } from "./marketing-analytics.ts";
import { marketingStrategy } from "./marketing-strategy.ts";
import { opportunityScout } from "./opportunity-scout.ts";
import { partnershipNegotiator } from "./partnership-negotiator.ts";

// Each definition keeps its own artefact type; the registry holds them as the common shape.
const widen = <A>(agent: AgentDefinition<A>) => agent as unknown as AgentDefinition;

/** Every agent by id: the five Business Development agents and the five Marketing agents. */
export const AGENTS: Readonly<Record<AgentId, AgentDefinition>> = Object.freeze({
  "market-intelligence": widen(marketIntelligence),
  "opportunity-scout": widen(opportunityScout),
  "lead-engagement": widen(leadEngagement),
  "partnership-negotiator": widen(partnershipNegotiator),
  "deal-closer": widen(dealCloser),
  "marketing-strategy": widen(marketingStrategy),
  "campaign-planner": widen(campaignPlanner),
  "content-creation": widen(contentCreation),
  "campaign-execution": widen(campaignExecution),
  "marketing-analytics": widen(marketingAnalytics),
});

/** The agents in AGENT_IDS order (BD first), for routers and listings. */
export const AGENT_LIST: readonly AgentDefinition[] = Object.freeze(AGENT_IDS.map((id) => AGENTS[id]));
