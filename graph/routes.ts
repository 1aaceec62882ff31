import type { AgentId } from "../domain/agents.ts";
import type { EventType } from "../domain/events.ts";

/** Which agents handle each event type; agents in one entry are independent and run in parallel. */
export const EVENT_ROUTES: Readonly<Record<EventType, readonly AgentId[]>> = {
  lead_created: ["marketing-analytics"],
  lead_qualified: ["lead-engagement"],
  engagement_spike: ["opportunity-scout"],
  opportunity_stage_changed: ["deal-closer"],
  deal_stale: ["deal-closer"],
  campaign_requested: ["campaign-planner"],
  content_requested: ["content-creation"],
  partner_inquiry: ["partnership-negotiator"],
  kpi_dropped: ["marketing-strategy", "marketing-analytics"],
  market_scan_requested: ["market-intelligence", "opportunity-scout"],
};

/** A scheduled play: a cron expression and the agents it starts with (handoffs may add more). */
export interface Play {
  readonly name: string;
  readonly description: string;
  readonly cron: string;
  readonly agents: readonly AgentId[];
}

/** The scheduled plays; their names are what `growth play <name>` and the scheduler use. */
export const PLAYS: readonly Play[] = [
  {
    name: "daily-pipeline-review",
    description: "Funnel, velocity and attribution, plus stale and at-risk deals",
    cron: "0 7 * * 1-5",
    agents: ["marketing-analytics", "deal-closer"],
  },
  {
    name: "weekly-campaign-optimisation",
    description: "Re-split channel budget from attribution and plan the next campaign",
    cron: "0 8 * * 1",
    agents: ["marketing-strategy"],
  },
  {
    name: "stale-deal-sweep",
    description: "Find late-stage deals with no touch in two weeks and propose next steps",
    cron: "0 9 * * 2,4",
    agents: ["deal-closer"],
  },
  {
    name: "weekly-market-scan",
    description: "Score accounts against the ICP and turn engagement spikes into opportunities",
    cron: "0 6 * * 1",
    agents: ["market-intelligence", "opportunity-scout"],
  },
];

/** The play with this name, or undefined. */
export function findPlay(name: string): Play | undefined {
  return PLAYS.find((p) => p.name === name);
}
