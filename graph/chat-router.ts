import type { AgentDefinition } from "../agents/agent.ts";
import type { ChatRouter } from "./deps.ts";
import { createIntentMatcher, type IntentMatch } from "./intent.ts";

/** The offline chat router: the deterministic intent matcher over each agent's description, examples and keywords. */
export function matcherChatRouter(agents: readonly AgentDefinition[]): ChatRouter {
  const match = createIntentMatcher(agents);
  return async function routeChatByIntent(text: string) {
    const result = match(text);
    if (result.agents.length > 0) {
      return {
        agents: result.agents,
        reason: `matched ${explain(result)} by intent`,
        via: "matcher",
      };
    }
    return { agents: [], reason: capabilities(agents), via: "matcher" };
  };
}

/** What the orchestrator can do, for a request nothing matched. */
export function capabilities(agents: readonly AgentDefinition[]): string {
  const lines = agents.map((a) => `  - ${a.title}: ${a.description} (e.g. "${a.examples[0]}")`);
  return ["I could not tell which agent should handle that. I can help with:", ...lines].join("\n");
}

/** The chosen agents with their scores and the terms that earned them, e.g. `deal-closer (3.98: chase)`. */
export function explain(result: IntentMatch): string {
  return result.agents
    .map((agent) => {
      const s = result.scores.find((x) => x.agent === agent);
      return s ? `${agent} (${s.score}: ${[...s.strong, ...s.weak].join(", ")})` : agent;
    })
    .join(", ");
}
