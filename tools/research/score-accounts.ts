import { z } from "zod";
import {
  DEFAULT_MQL_THRESHOLDS,
  type FitMatch,
  fitBreakdown,
  titlePoints,
} from "../../domain/scoring/index.ts";
import { bdScoringAccounts } from "../../store/queries/bd-pipeline.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { defineTool } from "../tool.ts";

/** One account scored against the ICP. */
export interface ScoredAccount {
  domain: string;
  name: string;
  industry: string | null;
  sizeBand: string;
  country: string | null;
  fit: number;
  /** Each ICP rule that matched, in words: "core industry (SaaS) +30". */
  reasons: string[];
  /** The contact title that earned the seniority points, when one did. */
  bestTitle: string | null;
  openOpportunities: number;
  owner: string | null;
  suppressed: boolean;
}

/** The fit at which an account counts as inside the ICP: the MQL fit threshold. */
export const ICP_FIT_THRESHOLD = DEFAULT_MQL_THRESHOLDS.fit;

/** One industry's share of the scored accounts. */
export interface IndustryMix {
  industry: string;
  accounts: number;
  averageFit: number;
  inIcp: number;
}

const Input = z.object({
  industry: z.string().min(1).optional().describe("Only accounts of this industry (ignoring case)"),
  minFit: z.number().min(0).max(100).default(0).describe("Leave out accounts scoring below this"),
  limit: z.number().int().min(1).max(500).default(20).describe("At most this many accounts, best first"),
});

/** The best fit an account reaches with any of its contacts' titles (the seniority rule), with its breakdown. */
export function accountFit(account: {
  industry: string | null;
  employees: number | null;
  country: string | null;
  titles: readonly string[];
}): { fit: number; matches: FitMatch[]; bestTitle: string | null } {
  const base = { industry: account.industry, employees: account.employees, country: account.country };
  const untitled = fitBreakdown(base);
  const baseTotal = untitled.matches.reduce((sum, m) => sum + m.points, 0);
  let best = { ...untitled, bestTitle: null as string | null };
  for (const title of account.titles) {
    // A title only adds its own rule's points, so its score is known without the whole breakdown; the
    // breakdown is built for a title that beats the best so far.
    const points = titlePoints(title);
    if (points === null || Math.min(100, Math.max(0, baseTotal + points)) <= best.score) continue;
    best = { ...fitBreakdown({ ...base, title }), bestTitle: title };
  }
  return { fit: best.score, matches: best.matches, bestTitle: best.bestTitle };
}

/** Scores accounts against the ICP fit rules (industry, size, market, most senior contact) with reasons. */
export const researchScoreAccounts = defineTool({
  name: "research_score_accounts",
  description:
    "Score accounts against the ideal customer profile: industry, employee count and country of the account, plus " +
    "the most senior contact title at it (0..100, the default fit rules). Returns accounts best first with the " +
    "rules that matched, open opportunity count, owner and whether the account is suppressed; plus the total scored.",
  schema: Input,
  async run(ctx, input) {
    const accounts = await bdScoringAccounts(ctx.db, { industry: input.industry, now: ctx.now });
    const scored: ScoredAccount[] = accounts.map((a) => {
      const { fit, matches, bestTitle } = accountFit(a);
      return {
        domain: a.domain,
        name: a.name,
        industry: a.industry,
        sizeBand: sizeBandOf(a.employees),
        country: a.country,
        fit,
        reasons: matches.map((m) => `${m.label} (${m.value}) ${m.points >= 0 ? "+" : ""}${m.points}`),
        bestTitle,
        openOpportunities: a.openOpportunities,
        owner: a.owner,
        suppressed: a.suppressed,
      };
    });
    const ranked = scored
      .filter((s) => s.fit >= input.minFit)
      .sort((a, b) => b.fit - a.fit || a.domain.localeCompare(b.domain));
    return {
      total: scored.length,
      icpThreshold: ICP_FIT_THRESHOLD,
      inIcp: scored.filter((s) => s.fit >= ICP_FIT_THRESHOLD).length,
      industries: industryMix(scored),
      accounts: ranked.slice(0, input.limit),
    };
  },
});

/** Accounts, average fit (one decimal) and ICP count per industry, most accounts first, ties by name. */
export function industryMix(scored: readonly Pick<ScoredAccount, "industry" | "fit">[]): IndustryMix[] {
  const groups = new Map<string, number[]>();
  for (const s of scored) {
    const key = s.industry ?? "unknown";
    // Pushed in place: copying the list for each account was quadratic in an industry's accounts.
    const fits = groups.get(key);
    if (fits) fits.push(s.fit);
    else groups.set(key, [s.fit]);
  }
  return [...groups.entries()]
    .map(([industry, fits]) => ({
      industry,
      accounts: fits.length,
      averageFit: Math.round((fits.reduce((a, b) => a + b, 0) / fits.length) * 10) / 10,
      inIcp: fits.filter((f) => f >= ICP_FIT_THRESHOLD).length,
    }))
    .sort((a, b) => b.accounts - a.accounts || a.industry.localeCompare(b.industry));
}
