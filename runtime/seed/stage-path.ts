import type { Faker } from "@faker-js/faker";
import { chance, weighted } from "./random.ts";

/** Open stages in pipeline order (mirrors domain/pipeline's STAGES). */
export const OPEN_STAGES = ["new", "qualified", "discovery", "proposal", "negotiation"] as const;

/** Every opportunity stage, open then closed. */
export const ALL_STAGES = [...OPEN_STAGES, "closed_won", "closed_lost"] as const;
/** One opportunity stage. */
export type SeedStage = (typeof ALL_STAGES)[number];

/** Why deals are lost; every closed_lost opportunity carries one. */
export const LOST_REASONS = [
  "Chose a competitor",
  "No budget this year",
  "No decision: the champion went dark",
  "Project deprioritised",
  "Missing a required integration",
  "Price above the approved budget",
];

const BACKWARD_REASONS: Record<string, readonly string[]> = {
  negotiation: [
    "Procurement asked for a revised proposal with a smaller first phase",
    "Legal reopened scope",
  ],
  proposal: [
    "A new VP joined the buying committee; re-running discovery",
    "Requirements changed after a pilot",
  ],
  discovery: ["Budget owner changed; re-qualifying", "Champion moved teams; re-qualifying"],
};

/** One stage move: from (null for the first entry), to, and the reason backward or lost moves need. */
export interface StageMove {
  readonly from: SeedStage | null;
  readonly to: SeedStage;
  readonly reason: string | null;
}

/** Plans the stage moves that end in `final`: forward moves, an occasional skip, sometimes one step back. */
export function stagePath(faker: Faker, final: SeedStage, lostReason: string | null): StageMove[] {
  const lastOpen = final === "closed_won" ? 4 : final === "closed_lost" ? lostFrom(faker) : openIndex(final);
  let stages: SeedStage[] = OPEN_STAGES.slice(0, lastOpen + 1);
  // Forward moves may skip a stage; it keeps the data honest about real pipelines.
  if (lastOpen >= 2 && chance(faker, 0.1)) stages = stages.filter((s) => s !== "qualified");
  const moves: StageMove[] = [];
  let previous: SeedStage | null = null;
  for (const to of stages) {
    moves.push({ from: previous, to, reason: null });
    previous = to;
  }
  if (lastOpen >= 3 && chance(faker, 0.2)) {
    const backFrom = faker.helpers.arrayElement(stages.filter((s) => openIndex(s) >= 2));
    const backTo = OPEN_STAGES[openIndex(backFrom) - 1] ?? "new";
    const at = moves.findIndex((m) => m.to === backFrom) + 1;
    const reason = faker.helpers.arrayElement(BACKWARD_REASONS[backFrom] ?? ["Re-scoped"]);
    moves.splice(at, 0, { from: backFrom, to: backTo, reason }, { from: backTo, to: backFrom, reason: null });
  }
  if (final === "closed_won" || final === "closed_lost") {
    moves.push({ from: previous, to: final, reason: final === "closed_lost" ? lostReason : null });
  }
  return moves;
}

/** The position of an open stage in the pipeline, or -1 for a closed stage. */
export function openIndex(stage: SeedStage): number {
  return (OPEN_STAGES as readonly string[]).indexOf(stage);
}

function lostFrom(faker: Faker): number {
  return weighted(faker, [
    [0, 8],
    [1, 20],
    [2, 30],
    [3, 25],
    [4, 17],
  ]);
}
