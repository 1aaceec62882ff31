import { OPEN_STAGES, pathIndex, type Stage } from "../pipeline/index.ts";
import type { OpportunityFacts, StageEntry } from "./facts.ts";
import { type Metric, metric, noMetric } from "./metric.ts";
import { describeWindow, inWindow, type Window } from "./window.ts";

/** Conversion from one stage to the next along the winning path. */
export interface StageConversion {
  from: Stage;
  to: Stage;
  /** Opportunities whose first entry into `from` falls in the window. */
  entered: number;
  /** Of those, how many went on to `to` or any later stage, at any time. */
  reached: number;
  rate: Metric<number>;
}

/** The winning path: the open stages in order, then closed_won. */
export const WINNING_PATH: readonly Stage[] = [...OPEN_STAGES, "closed_won"];

/**
 * Cohort conversion per consecutive pair of the winning path (new→qualified … negotiation→closed_won):
 * of the opportunities that first entered stage k inside the window, how many later reached k+1 or beyond.
 * A forward jump enters and passes every stage it skips; an opportunity created at a later stage never
 * entered the earlier ones; closed_lost reaches nothing; conversion after the window still counts.
 */
export function stageConversion(opps: readonly OpportunityFacts[], window: Window = {}): StageConversion[] {
  const journeys = opps.map(journey);
  return WINNING_PATH.slice(0, -1).map((from, k) => {
    const cohort = journeys.filter((j) => {
      const at = j.firstEntered[k];
      return at != null && inWindow(at, window);
    });
    const reached = cohort.filter((j) => j.passed[k]).length;
    const to = WINNING_PATH[k + 1] ?? "closed_won";
    const rate =
      cohort.length === 0
        ? noMetric<number>(`No opportunity entered "${from}" ${describeWindow(window)}.`)
        : metric(reached / cohort.length);
    return { from, to, entered: cohort.length, reached, rate };
  });
}

interface Journey {
  /** Per winning-path index, when the opportunity first entered that stage (null if never). */
  firstEntered: (Date | null)[];
  /** Per winning-path index, whether the opportunity was later beyond that stage. */
  passed: boolean[];
}

// Walks the stage history in time order; see stageConversion for the rules.
function journey(opp: OpportunityFacts): Journey {
  const firstEntered: (Date | null)[] = WINNING_PATH.map(() => null);
  const passed = WINNING_PATH.map(() => false);
  let previous: number | null = null;
  for (const entry of timeline(opp)) {
    const at = pathIndex(entry.stage);
    if (at === null) continue;
    const lowest = previous !== null && at > previous ? previous + 1 : at;
    for (let k = lowest; k <= at; k++) firstEntered[k] ??= entry.enteredAt;
    for (let k = 0; k < at; k++) if (firstEntered[k] !== null) passed[k] = true;
    previous = at;
  }
  return { firstEntered, passed };
}

// The history in time order (ties keep their recorded order), ending in the current stage even when the
// history misses it; an empty history means the opportunity has sat in its stage since creation.
function timeline(opp: OpportunityFacts): StageEntry[] {
  const entries = [...opp.stageHistory].sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
  const last = entries.at(-1);
  if (last === undefined) return [{ stage: opp.stage, enteredAt: opp.createdAt }];
  if (last.stage !== opp.stage) entries.push({ stage: opp.stage, enteredAt: opp.closedAt ?? last.enteredAt });
  return entries;
}
