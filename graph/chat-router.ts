import type { AgentDefinition } from "../agents/agent.ts";
import type { ChatRouter } from "./deps.ts";
import { createIntentMatcher } from "./intent.ts";

/** The offline chat router: the deterministic intent matcher over each agent's description, examples and keywords. */
export function matcherChatRouter(agents: readonly AgentDefinition[]): ChatRouter {
  const match = createIntentMatcher(agents);
  return async function routeChatByIntent(text: string) {
    const result = match(text);
    if (result.agents.length > 0) {
      return {
        agents: result.agents,
        reason: `matched ${result.agents.join(", ")} by intent`,
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
