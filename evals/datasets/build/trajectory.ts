import type { Trajectory } from "./trajectory/common.ts";
import { leadQualifiedCases } from "./trajectory/lead-qualified.ts";
import { leadQualifiedLimitCases } from "./trajectory/lead-qualified-limits.ts";
import { marketingCases } from "./trajectory/marketing.ts";
import { partnerCases } from "./trajectory/partners.ts";
import { pipelineCases } from "./trajectory/pipeline.ts";
import { playCases } from "./trajectory/plays.ts";

/** The event-trajectory suite: an event or play, and its expected route, tool calls and guard decisions. */
export function trajectoryCases(): Trajectory[] {
  return [
    ...leadQualifiedCases(),
    ...leadQualifiedLimitCases(),
    ...pipelineCases(),
    ...marketingCases(),
    ...partnerCases(),
    ...playCases(),
  ];
}
