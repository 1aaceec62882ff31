export { attributeDeal } from "./attribute-deal.ts";
export { largestRemainder } from "./largest-remainder.ts";
export {
  ANCHOR_ROLES,
  type AnchorRole,
  ATTRIBUTION_MODELS,
  type AttributionModel,
  POSITION_SHARES,
  type PositionModel,
  type PositionShares,
  parseAttributionModel,
} from "./models.ts";
export { type AttributionRollup, NO_KEY, type RollUpSums, rollUp, rollUpSums } from "./roll-up.ts";
export {
  type AttributionDeal,
  type AttributionOptions,
  type AttributionTouch,
  DEFAULT_LOOKBACK_DAYS,
  DEFAULT_TIME_DECAY_HALF_LIFE_DAYS,
  type TouchCredit,
} from "./types.ts";
