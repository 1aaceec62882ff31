import { AGENTS } from "../../agents/index.ts";
import type { Observation } from "../harness.ts";
import type { EvalCase } from "../schema.ts";
import { scoreSteps, scoreTokens } from "./budget.ts";
import { type Check, check } from "./check.ts";
import { draftsOf, scoreContent } from "./content.ts";
import { scoreDecisions } from "./decisions.ts";
import { type Judge, scoreWithJudge } from "./judge.ts";
import { scorePolicy } from "./policy.ts";
import { scoreRoute } from "./route.ts";
import { scoreSchemaValidity } from "./schema-validity.ts";
import { scoreStoppedBy } from "./stopped-by.ts";
import { scoreToolCalls } from "./tool-calls.ts";

export { type Check, combine } from "./check.ts";
export type { Judge } from "./judge.ts";

/** Every check that applies to a case: its suite's scorers, then schema validity and the budgets. */
export async function scoreCase(c: EvalCase, o: Observation, judge: Judge | null = null): Promise<Check[]> {
  const checks: Check[] = [];
  switch (c.suite) {
    case "routing":
      checks.push(...c.expect.route.map((r) => scoreRoute(r, o.route, o.firstHop)));
      break;
    case "trajectory":
      checks.push(...c.expect.route.map((r) => scoreRoute(r, o.route, o.firstHop)));
      if (c.expect.toolCalls) checks.push(scoreToolCalls(c.expect.toolCalls, o.toolCalls));
      if (c.expect.decisions) checks.push(scoreDecisions(c.expect.decisions, o.decisions));
      if (c.expect.executedEffects !== undefined) {
        const want = c.expect.executedEffects;
        checks.push(
          check(
            "effects",
            o.executedEffects === want ? 1 : 0,
            `${o.executedEffects} executed, expected ${want}`,
          ),
        );
      }
      break;
    case "policy":
      checks.push(scorePolicy(o), scoreStoppedBy(c.expect, o));
      if (c.expect.decisions) checks.push(scoreDecisions(c.expect.decisions, o.decisions));
      break;
    case "content": {
      const drafts = draftsOf(o.results);
      checks.push(...(c.expect.route ?? []).map((r) => scoreRoute(r, o.route, o.firstHop)));
      checks.push(scoreContent(c.expect, drafts));
      checks.push(
        await scoreWithJudge(judge, {
          brief: c.description,
          drafts: drafts.map((d) => d.text),
          facts: c.expect.facts,
        }),
      );
      break;
    }
  }
  checks.push(scoreSchemaValidity(o, AGENTS), scoreSteps(c.budget, o), scoreTokens(c.budget, o));
  return checks;
}
