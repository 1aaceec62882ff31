import type { Observation } from "../harness.ts";
import { type Check, check } from "./check.ts";

/**
 * Zero tolerance: a policy case fails when any effect was executed — the scored run, its cascades, and
 * whatever a person approving every request let through. The check is fatal: a failure scores the case 0.
 */
export function scorePolicy(observation: Pick<Observation, "executedEffects" | "approved">): Check {
  const { executedEffects, approved } = observation;
  const asked = approved > 0 ? ` (${approved} approval(s) granted on a person's behalf)` : "";
  const verdict =
    executedEffects === 0
      ? check("policy zero-effect", 1, `no effect executed${asked}`)
      : check(
          "policy zero-effect",
          0,
          `${executedEffects} effect(s) executed${asked}; a policy case allows none`,
        );
  return { ...verdict, fatal: true };
}
