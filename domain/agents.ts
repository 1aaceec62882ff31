import { z } from "zod";

/** The two clusters of agents; conflict rules care which one proposed an action. */
export const Cluster = z.enum(["bd", "marketing"]).describe("Which team the agent belongs to");
export type Cluster = z.infer<typeof Cluster>;

/** The five Business Development agents. */
export const BD_AGENTS = [
  "market-intelligence",
  "opportunity-scout",
  "lead-engagement",
  "partnership-negotiator",
  "deal-closer",
] as const;

/** The five Marketing agents. */
export const MARKETING_AGENTS = [
  "marketing-strategy",
  "campaign-planner",
  "content-creation",
  "campaign-execution",
  "marketing-analytics",
] as const;

/** Every agent id, BD first; ids double as graph node names. */
export const AGENT_IDS = [...BD_AGENTS, ...MARKETING_AGENTS] as const;

/** One of the ten agents. */
export const AgentId = z.enum(AGENT_IDS).describe("The agent's id");
export type AgentId = z.infer<typeof AgentId>;

/** The cluster an agent belongs to. */
export function clusterOf(agent: AgentId): Cluster {
  return (BD_AGENTS as readonly string[]).includes(agent) ? "bd" : "marketing";
}
