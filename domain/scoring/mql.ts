/** The scores at or above which a lead is marketing-qualified. */
export interface MqlThresholds {
  fit: number;
  engagement: number;
}

/** docs/domain-rules.md's thresholds: fit ≥ 60 and engagement ≥ 40. */
export const DEFAULT_MQL_THRESHOLDS: Readonly<MqlThresholds> = Object.freeze({ fit: 60, engagement: 40 });

/** What the MQL decision looks at. */
export interface MqlInput {
  fit: number;
  engagement: number;
  demoRequested: boolean;
}

/** A lead is an MQL when fit and engagement both reach their thresholds, or on any demo request. */
export function isMql(
  input: MqlInput,
  thresholds: Readonly<MqlThresholds> = DEFAULT_MQL_THRESHOLDS,
): boolean {
  return input.demoRequested || (input.fit >= thresholds.fit && input.engagement >= thresholds.engagement);
}
