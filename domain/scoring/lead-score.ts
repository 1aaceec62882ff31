import { type EngagementEvent, type EngagementOptions, engagementBreakdown } from "./engagement.ts";
import type { FitFacts, FitRules } from "./fit-rules.ts";
import { fitBreakdown } from "./fit-score.ts";
import { DEFAULT_MQL_THRESHOLDS, isMql, type MqlThresholds } from "./mql.ts";

/** The engagement kind that counts as a demo request. */
export const DEMO_REQUEST_KIND = "demo_request";

/** What a lead is scored on: fit facts, engagement events up to `now`, and an explicit demo request flag. */
export interface LeadFacts {
  facts: FitFacts;
  events: readonly EngagementEvent[];
  now: Date;
  /** True when the lead asked for a demo; a `demo_request` event at or before `now` counts too. */
  demoRequested?: boolean | undefined;
}

/** Rules and thresholds for lead scoring; each falls back to docs/domain-rules.md's defaults. */
export interface LeadScoreOptions {
  fitRules?: FitRules | undefined;
  engagement?: EngagementOptions | undefined;
  thresholds?: Readonly<MqlThresholds> | undefined;
}

/** A lead's scores, whether it is an MQL, and the reasons in plain words. */
export interface LeadScore {
  fit: number;
  engagement: number;
  mql: boolean;
  reasons: string[];
}

/** Scores a lead: fit from the rules, engagement with decay, and the MQL decision, with reasons. */
export function leadScore(lead: LeadFacts, opts: LeadScoreOptions = {}): LeadScore {
  const thresholds = opts.thresholds ?? DEFAULT_MQL_THRESHOLDS;
  const fit = fitBreakdown(lead.facts, opts.fitRules);
  const engagement = engagementBreakdown(lead.events, lead.now, opts.engagement);
  const demoRequested =
    lead.demoRequested === true ||
    lead.events.some((e) => e.kind === DEMO_REQUEST_KIND && e.at.getTime() <= lead.now.getTime());
  const mql = isMql({ fit: fit.score, engagement: engagement.score, demoRequested }, thresholds);

  const reasons = fit.matches.map((m) => `${m.label}: ${m.value} (${signed(m.points)})`);
  if (reasons.length === 0) reasons.push("No fit rule matched.");
  const strongest = [...engagement.contributions].sort((a, b) => b.points - a.points)[0];
  reasons.push(
    strongest === undefined
      ? "No engagement so far."
      : `Engagement ${round1(engagement.score)} from ${engagement.contributions.length} event(s); strongest: ${strongest.kind} (${signed(round1(strongest.points))} after decay).`,
  );
  reasons.push(mqlReason(fit.score, engagement.score, demoRequested, mql, thresholds));
  return { fit: fit.score, engagement: engagement.score, mql, reasons };
}

function mqlReason(
  fit: number,
  engagement: number,
  demoRequested: boolean,
  mql: boolean,
  t: Readonly<MqlThresholds>,
): string {
  if (demoRequested) return "MQL: the lead requested a demo.";
  const fitText = `fit ${round1(fit)} ${fit >= t.fit ? "≥" : "<"} ${t.fit}`;
  const engagementText = `engagement ${round1(engagement)} ${engagement >= t.engagement ? "≥" : "<"} ${t.engagement}`;
  return `${mql ? "MQL" : "Not an MQL"}: ${fitText} and ${engagementText}.`;
}

function signed(points: number): string {
  return points >= 0 ? `+${points}` : `${points}`;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
