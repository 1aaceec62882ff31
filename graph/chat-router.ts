import type { AgentDefinition } from "../agents/agent.ts";
import type { ChatRouter } from "./deps.ts";
import { createIntentMatcher, type IntentMatch, type TrainingText } from "./intent.ts";

type Matcher = (text: string) => IntentMatch;

/** Trained matchers by agent list and training text: training runs once per process, not per router. */
const trained = new WeakMap<readonly AgentDefinition[], WeakMap<readonly TrainingText[], Matcher>>();
const NO_TRAINING: readonly TrainingText[] = [];

/**
 * The offline chat router: the intent classifier trained on each agent's description and examples and on
 * the labelled requests given (the routing suite's train split, see evals/README.md). Below its calibrated
 * confidence it routes nowhere and answers with what the agents can do.
 */
export function matcherChatRouter(
  agents: readonly AgentDefinition[],
  training: readonly TrainingText[] = NO_TRAINING,
): ChatRouter {
  // Trained on the first chat request, not when the app is built: events, plays and reports never route chat.
  let matcher: Matcher | undefined;
  const trainedMatcher = (): Matcher => {
    if (matcher) return matcher;
    const byTraining = trained.get(agents) ?? new WeakMap<readonly TrainingText[], Matcher>();
    trained.set(agents, byTraining);
    matcher = byTraining.get(training) ?? createIntentMatcher(agents, training);
    byTraining.set(training, matcher);
    return matcher;
  };
  return async function routeChatByIntent(text: string) {
    const result = trainedMatcher()(text);
    if (result.agents.length > 0) {
      return { agents: result.agents, reason: `matched ${explain(result)} by intent`, via: "matcher" };
    }
    return { agents: [], reason: capabilities(agents), via: "matcher" };
  };
}

/** What the orchestrator can do, for a request nothing matched: each agent with example questions. */
export function capabilities(agents: readonly AgentDefinition[]): string {
  const lines = agents.map(
    (a) =>
      `  - ${a.title}: ${a.description} (e.g. ${a.examples
        .slice(0, 2)
        .map((e) => `"${e}"`)
        .join(", ")})`,
  );
  return ["I could not tell which agent should handle that. I can help with:", ...lines].join("\n");
}

/** The chosen agents with their probabilities and the request terms that earned them, e.g. `deal-closer (0.97: chase)`. */
export function explain(result: IntentMatch): string {
  return result.agents
    .map((agent) => {
      const s = result.scores.find((x) => x.agent === agent);
      return s ? `${agent} (${s.score}: ${s.terms.join(", ")})` : agent;
    })
    .join(", ");
}
