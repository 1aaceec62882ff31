import { z } from "zod";
import { DEFAULT_STAGE_PROBABILITIES, parseStage } from "../../domain/pipeline/index.ts";
import { bdOpenDeals, type OpenDeal } from "../../store/queries/bd-pipeline.ts";
import { defineTool } from "../tool.ts";

/** The late stages deal review looks at by default. */
export const LATE_STAGES = ["proposal", "negotiation"] as const;

/** A late-stage deal with no touch to its account for this many days is stale. */
export const STALE_AFTER_DAYS = 14;

/** Days in a stage after which a deal counts as stalled there. */
export const STALL_DAYS: Readonly<Record<string, number>> = { proposal: 30, negotiation: 21 };

const DAY = 86_400_000;

/** Why a deal is at risk. */
export type RiskFlag = "no_recent_touch" | "never_touched" | "stalled_in_stage";

/** One open deal with its age, staleness and risk flags. */
export interface DealRisk {
  id: string;
  accountDomain: string;
  crm: { accountName: string | null; dealName: string; owner: string | null };
  stage: string;
  amountCents: number;
  probability: number;
  weightedCents: number;
  daysInStage: number;
  daysSinceTouch: number | null;
  flags: RiskFlag[];
  /** Days in stage are at least twice the stall limit: the deal has quietly died unless someone acts. */
  severe: boolean;
}

/** The risk flags of one deal at `now`: pure, so the rules are tested without a store. */
export function assessDeal(deal: OpenDeal, now: Date): DealRisk {
  const days = (iso: string) => Math.floor((now.getTime() - new Date(iso).getTime()) / DAY);
  const daysInStage = days(deal.stageEnteredAt);
  const daysSinceTouch = deal.lastTouchAt ? days(deal.lastTouchAt) : null;
  const flags: RiskFlag[] = [];
  if (daysSinceTouch === null) flags.push("never_touched");
  else if (daysSinceTouch >= STALE_AFTER_DAYS) flags.push("no_recent_touch");
  const limit = STALL_DAYS[deal.stage];
  if (limit !== undefined && daysInStage >= limit) flags.push("stalled_in_stage");
  const stage = parseStage(deal.stage);
  const probability = stage ? DEFAULT_STAGE_PROBABILITIES[stage] : 0;
  return {
    id: deal.id,
    accountDomain: deal.accountDomain,
    crm: { accountName: deal.accountName, dealName: deal.name, owner: deal.owner },
    stage: deal.stage,
    amountCents: deal.amountCents,
    probability,
    weightedCents: Math.round(deal.amountCents * probability),
    daysInStage,
    daysSinceTouch,
    flags,
    severe: limit !== undefined && daysInStage >= 2 * limit,
  };
}

const Input = z.object({
  opportunityId: z.string().min(1).optional().describe("Review only this opportunity (any open stage)"),
  stages: z
    .array(z.string().min(1))
    .default([...LATE_STAGES])
    .describe("Open stages to review when no opportunity is named; default proposal and negotiation"),
});

/** Open deals (late-stage by default) with days in stage, days since the account's last touch and risk flags. */
export const pipelineDealRisks = defineTool({
  name: "pipeline_deal_risks",
  description:
    "Open deals (late stages, or one opportunity by id): amount and weighted amount (cents), days in stage, " +
    "days since the last touch, risk flags (no_recent_touch 14+ days, never_touched, stalled_in_stage).",
  schema: Input,
  async run(ctx, input) {
    const deals = await bdOpenDeals(ctx.db, {
      now: ctx.now,
      opportunityId: input.opportunityId,
      stages: input.opportunityId ? undefined : input.stages,
    });
    return { deals: deals.map((d) => assessDeal(d, ctx.now)) };
  },
});
