export {
  DEFAULT_STAGE_PROBABILITIES,
  type StageProbabilities,
  stageProbabilities,
} from "./probabilities.ts";
export { CLOSED_STAGES, isClosed, OPEN_STAGES, parseStage, pathIndex, STAGES, Stage } from "./stages.ts";
export {
  checkTransition,
  type TransitionCheck,
  type TransitionCode,
  type TransitionOptions,
} from "./transition.ts";
