import { z } from "zod";
import { averageWonDeal, type OpportunityFacts } from "../../domain/metrics/index.ts";
import { opportunityFactsWithAccounts } from "../../store/queries/marketing-analytics.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { defineTool } from "../tool.ts";

/** What an estimate was based on, narrowest first. */
export type EstimateBasis = "segment" | "industry" | "all_won" | "none";

/** The estimate when nothing has ever been won: none; the caller must say so rather than guess. */
export interface DealSizeEstimate {
  amountCents: number | null;
  basis: EstimateBasis;
  wonDeals: number;
  reason: string;
}

type Fact = OpportunityFacts & { industry: string | null; employees: number | null };

/** The average won deal of the narrowest group with a win: segment (industry × size band), industry, then all. */
export function estimateDealSize(
  facts: readonly Fact[],
  industry: string | null,
  sizeBand: string,
): DealSizeEstimate {
  const lower = industry?.toLowerCase() ?? null;
  const groups: [EstimateBasis, Fact[], string][] = [
    [
      "segment",
      facts.filter((f) => f.industry?.toLowerCase() === lower && sizeBandOf(f.employees) === sizeBand),
      `${industry ?? "unknown"} ${sizeBand}`,
    ],
    ["industry", facts.filter((f) => f.industry?.toLowerCase() === lower), `${industry ?? "unknown"}`],
    ["all_won", [...facts], "all accounts"],
  ];
  for (const [basis, group, label] of groups) {
    if (basis !== "all_won" && lower === null) continue;
    const avg = averageWonDeal(group);
    if (avg.value === null) continue;
    const won = group.filter((f) => f.stage === "closed_won").length;
    return {
      amountCents: Math.round(avg.value),
      basis,
      wonDeals: won,
      reason: `average of ${won} won deal(s) in ${label}`,
    };
  }
  return { amountCents: null, basis: "none", wonDeals: 0, reason: "no deal has been won yet" };
}

const Input = z.object({
  segments: z
    .array(z.object({ industry: z.string().nullable(), sizeBand: z.string() }))
    .min(1)
    .max(200)
    .describe("Segments to estimate, e.g. [{industry: 'SaaS', sizeBand: '201-1000'}]"),
});

/** Estimated deal size per segment from the average won deal, falling back to industry and then all won deals. */
export const pipelineSegmentDealSize = defineTool({
  name: "pipeline_segment_deal_size",
  description:
    "Estimate a new opportunity's amount (cents) for each industry × size band segment from the average won " +
    "deal there; falls back to the industry, then to all won deals, and says which basis it used. Amount is " +
    "null when nothing has been won at all.",
  schema: Input,
  async run(ctx, input) {
    const facts = await opportunityFactsWithAccounts(ctx.db);
    return {
      estimates: input.segments.map((s) => ({ ...s, ...estimateDealSize(facts, s.industry, s.sizeBand) })),
    };
  },
});
