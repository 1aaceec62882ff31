import { graphRunContext, type LlmCallContext } from "../agents/llm/run-context.ts";
import type { AgentId } from "../domain/agents.ts";
import type { ChatRouter } from "./deps.ts";

/** Words that point back at the previous turn: "the same for…", "that account", "his colleague", "them". */
const REFERENCE =
  /\b(the same|same (?:for|again)|that (?:account|company|deal|lead|one|campaign)|(?:his|her|their) colleagues?|them again|do it again)\b/i;

/** Whether a chat text refers back to an earlier turn. */
export function refersBack(text: string): boolean {
  return REFERENCE.test(text);
}

/**
 * Wraps the deterministic router for playbook mode: a turn that refers back to the previous one and that the
 * intent matcher cannot place goes to the agents that served the previous turn (from the conversation's memory).
 */
export function referenceAwareRouter(
  router: ChatRouter,
  previousAgents: (context: LlmCallContext) => Promise<AgentId[]>,
  context: () => LlmCallContext = graphRunContext,
): ChatRouter {
  return async function routeWithReferences(text: string) {
    const routed = await router(text);
    if (routed.agents.length > 0 || !refersBack(text)) return routed;
    const agents = await previousAgents(context());
    if (agents.length === 0) return routed;
    return {
      agents,
      reason: `refers back to the previous turn, which ${agents.join(", ")} served`,
      via: routed.via,
    };
  };
}
