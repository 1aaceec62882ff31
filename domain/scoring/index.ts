export {
  DEFAULT_ENGAGEMENT_POINTS,
  DEFAULT_HALF_LIFE_DAYS,
  type EngagementBreakdown,
  type EngagementContribution,
  type EngagementEvent,
  type EngagementOptions,
  engagementBreakdown,
  engagementScore,
} from "./engagement.ts";
export { DEFAULT_FIT_RULES, type FitFacts, FitRule, FitRules } from "./fit-rules.ts";
export { type FitBreakdown, type FitMatch, fitBreakdown, fitScore, titlePoints } from "./fit-score.ts";
export {
  DEMO_REQUEST_KIND,
  type LeadFacts,
  type LeadScore,
  type LeadScoreOptions,
  leadScore,
} from "./lead-score.ts";
export { DEFAULT_MQL_THRESHOLDS, isMql, type MqlInput, type MqlThresholds } from "./mql.ts";
