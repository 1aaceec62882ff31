import { z } from "zod";

/** Every opportunity stage in pipeline order: the five open stages, then the two closed ones. */
export const STAGES = [
  "new",
  "qualified",
  "discovery",
  "proposal",
  "negotiation",
  "closed_won",
  "closed_lost",
] as const;

/** One opportunity stage; the schema and the type share the name. */
export const Stage = z.enum(STAGES).describe("The opportunity's pipeline stage");
export type Stage = z.infer<typeof Stage>;

/** The stages in which a deal is still being worked, in order. */
export const OPEN_STAGES = [
  "new",
  "qualified",
  "discovery",
  "proposal",
  "negotiation",
] as const satisfies readonly Stage[];

/** The two terminal stages. */
export const CLOSED_STAGES = ["closed_won", "closed_lost"] as const satisfies readonly Stage[];

/** Whether a stage ends the deal (won or lost). */
export function isClosed(stage: Stage): boolean {
  return stage === "closed_won" || stage === "closed_lost";
}

/** The stage a text names, ignoring case, surrounding space and `-`/space for `_`; null for anything else. */
export function parseStage(s: string): Stage | null {
  const normal = s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return (STAGES as readonly string[]).includes(normal) ? (normal as Stage) : null;
}

/** A stage's position along the winning path (new 0 … negotiation 4, closed_won 5); null for closed_lost. */
export function pathIndex(stage: Stage): number | null {
  return stage === "closed_lost" ? null : STAGES.indexOf(stage);
}
