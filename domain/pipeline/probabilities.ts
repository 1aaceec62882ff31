import { UserError } from "../errors.ts";
import { STAGES, type Stage } from "./stages.ts";

/** Win probability per stage, each in [0, 1]; configurable per workspace. */
export type StageProbabilities = Readonly<Record<Stage, number>>;

/** docs/domain-rules.md's default win probabilities. */
export const DEFAULT_STAGE_PROBABILITIES: StageProbabilities = Object.freeze({
  new: 0.1,
  qualified: 0.2,
  discovery: 0.4,
  proposal: 0.6,
  negotiation: 0.8,
  closed_won: 1,
  closed_lost: 0,
});

/** The defaults with some stages overridden; throws a UserError naming the stage when a value is not in [0, 1]. */
export function stageProbabilities(overrides: Partial<Record<Stage, number>> = {}): StageProbabilities {
  const unknown = Object.keys(overrides).filter((key) => !(STAGES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new UserError(
      "unknown_stage",
      `Unknown stage ${unknown.map((k) => `"${k}"`).join(", ")} in the win probabilities; use one of ${STAGES.join(", ")}.`,
      { details: { unknown } },
    );
  }
  const merged: Record<Stage, number> = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const stage of STAGES) {
    const value = overrides[stage];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new UserError(
        "invalid_stage_probability",
        `The win probability for stage "${stage}" is ${value}; give a fraction between 0 and 1 (e.g. 0.4 for 40%).`,
        { details: { stage, value } },
      );
    }
    merged[stage] = value;
  }
  return Object.freeze(merged);
}
