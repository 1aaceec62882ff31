import { z } from "zod";
import type { OpportunityFacts } from "../../domain/metrics/index.ts";
import { type WonDealSums, wonDealSums } from "../../store/queries/marketing-analytics.ts";
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

/** The won-deal sums of opportunity facts, as `wonDealSums` reads them from the store. */
export function wonDealSumsOf(
  facts: readonly (OpportunityFacts & { industry: string | null; employees: number | null })[],
): WonDealSums[] {
  const sums = new Map<string, WonDealSums>();
  // Won with a close time, as `averageWonDeal` counts them (`wonInWindow` over all data).
  for (const f of facts.filter((o) => o.stage === "closed_won" && o.closedAt !== null)) {
    const key = JSON.stringify([f.industry, f.employees]);
    const s = sums.get(key) ?? { industry: f.industry, employees: f.employees, wonDeals: 0, wonCents: 0 };
    s.wonDeals++;
    s.wonCents += f.amountCents;
    sums.set(key, s);
  }
  return [...sums.values()];
}

/**
 * The average won deal of the narrowest group with a win: segment (industry × size band), industry, then all;
 * from the won deals' sums per (industry, employees).
 */
export function estimateDealSize(
  sums: readonly WonDealSums[],
  industry: string | null,
  sizeBand: string,
): DealSizeEstimate {
  const lower = industry?.toLowerCase() ?? null;
  const groups: [EstimateBasis, WonDealSums[], string][] = [
    [
      "segment",
      sums.filter((s) => s.industry?.toLowerCase() === lower && sizeBandOf(s.employees) === sizeBand),
      `${industry ?? "unknown"} ${sizeBand}`,
    ],
    ["industry", sums.filter((s) => s.industry?.toLowerCase() === lower), `${industry ?? "unknown"}`],
    ["all_won", [...sums], "all accounts"],
  ];
  for (const [basis, group, label] of groups) {
    if (basis !== "all_won" && lower === null) continue;
    const won = group.reduce((n, s) => n + s.wonDeals, 0);
    if (won === 0) continue;
    const cents = group.reduce((sum, s) => sum + s.wonCents, 0);
    return {
      amountCents: Math.round(cents / won),
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
    const sums = await wonDealSums(ctx.db);
    return {
      estimates: input.segments.map((s) => ({ ...s, ...estimateDealSize(sums, s.industry, s.sizeBand) })),
    };
  },
});
