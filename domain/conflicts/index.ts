export type {
  AccountLease,
  ActiveSequence,
  AgentWindowCount,
  ConflictContext,
  OpenOpportunity,
  OutreachIntent,
  RecentTouch,
  Suppression,
  SuppressionReason,
} from "./context.ts";
export { compareIntents, decide, decideBatch, PLAY_PRIORITY } from "./decide.ts";
export { ALLOW, CONFLICT_RULES, type ConflictRule, type Decision } from "./decision.ts";
export {
  type Cap,
  type ConflictPolicy,
  type ConflictPolicyInput,
  conflictPolicy,
  DEFAULT_CONFLICT_POLICY,
  DEFAULT_PAUSE_RECHECK_MS,
} from "./policy.ts";
export { type CapCheck, capCheck, countedCapCheck, countInWindow, inRollingWindow } from "./window.ts";
