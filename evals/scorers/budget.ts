import type { Observation } from "../harness.ts";
import type { Budget } from "../schema.ts";
import { type Check, check } from "./check.ts";

/** Step budget: the run may visit at most `maxSteps` agents. */
export function scoreSteps(budget: Budget, observation: Pick<Observation, "route">): Check {
  const steps = observation.route.length;
  return check(
    "step budget",
    steps <= budget.maxSteps ? 1 : 0,
    `${steps} step(s) of ${budget.maxSteps} allowed`,
  );
}

/** Token budget: LLM input plus output tokens of the run stay within `maxTokens` (0 in playbook mode). */
export function scoreTokens(budget: Budget, observation: Pick<Observation, "tokens">): Check {
  const used = observation.tokens.input + observation.tokens.output;
  return check(
    "token budget",
    used <= budget.maxTokens ? 1 : 0,
    `${used} token(s) of ${budget.maxTokens} allowed`,
  );
}
