import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import {
  accountsInSegment,
  bdOwnershipFacts,
  suppressionsInForce,
} from "../../store/queries/marketing-crm.ts";
import { SIZE_BAND_LABELS, sizeBandOf, sizeBandRange } from "../analytics/size-band.ts";
import { defineTool } from "../tool.ts";

/** Why an account is kept out of a marketing audience. */
export type ExclusionRule =
  | "open_opportunity"
  | "active_bd_sequence"
  | "account_owner"
  | "account_suppressed";

/** An account left out of the audience, with every reason that applies. */
export interface AudienceExclusion {
  domain: string;
  name: string;
  reasons: { rule: ExclusionRule; detail: string }[];
}

const Input = z.object({
  industry: z
    .string()
    .min(1)
    .optional()
    .describe("Only accounts in this industry (case-insensitive), e.g. Fintech"),
  sizeBand: z.enum(SIZE_BAND_LABELS).optional().describe("Only accounts in this employee-count band"),
  country: z
    .string()
    .length(2)
    .optional()
    .describe("Only accounts in this ISO 3166-1 alpha-2 country, e.g. US"),
  limit: z.number().int().min(1).max(1_000).default(200).describe("At most this many audience accounts"),
});

/** Builds a campaign audience for a segment, leaving out every account BD owns, with the reasons. */
export const campaignBuildAudience = defineTool({
  name: "campaign_build_audience",
  description:
    "Build a marketing campaign audience: the accounts of a segment (industry, size band, country) EXCLUDING " +
    "accounts Business Development owns — an open opportunity, an active BD sequence, or an account owner — and " +
    "accounts suppressed as a whole. Returns the audience and each exclusion with its reasons.",
  schema: Input,
  async run(ctx, input) {
    const range = input.sizeBand ? sizeBandRange(input.sizeBand) : null;
    const accounts = await accountsInSegment(ctx.db, {
      industry: input.industry,
      minEmployees: range?.min,
      maxEmployees: range?.max,
      country: input.country,
    });
    if (accounts.length === 0) {
      throw new ToolError(
        "segment_empty",
        "No account matches this segment; drop or change the industry, size band or country filter.",
      );
    }
    const domains = accounts.map((a) => a.domain);
    const ownership = await bdOwnershipFacts(ctx.db, domains, ctx.now);
    const suppressions = await suppressionsInForce(ctx.db, { emails: [], domains, now: ctx.now });
    const reasons = new Map<string, AudienceExclusion["reasons"]>();
    const add = (domain: string, rule: ExclusionRule, detail: string) =>
      reasons.set(domain, [...(reasons.get(domain) ?? []), { rule, detail }]);
    for (const o of ownership.openOpportunities)
      add(
        o.accountDomain,
        "open_opportunity",
        `${o.id} in ${o.stage}${o.owner ? `, owned by ${o.owner}` : ""}`,
      );
    for (const s of ownership.activeSequences)
      add(s.accountDomain, "active_bd_sequence", `${s.id} by ${s.agent} to ${s.contactEmail}`);
    for (const a of accounts) if (a.owner) add(a.domain, "account_owner", `owned by ${a.owner}`);
    for (const s of suppressions)
      if (s.accountDomain && !s.contactEmail) add(s.accountDomain, "account_suppressed", s.reason);

    const kept = accounts.filter((a) => !reasons.has(a.domain));
    return {
      segment: {
        industry: input.industry ?? null,
        sizeBand: input.sizeBand ?? null,
        country: input.country ?? null,
      },
      matched: accounts.length,
      audience: kept.slice(0, input.limit).map((a) => ({
        domain: a.domain,
        name: a.name,
        industry: a.industry,
        sizeBand: sizeBandOf(a.employees),
        country: a.country,
      })),
      audienceTotal: kept.length,
      excluded: accounts
        .filter((a) => reasons.has(a.domain))
        .map((a): AudienceExclusion => {
          // One line per rule and detail, in a stable order, so the artefact reads the same every run.
          const list = reasons.get(a.domain)!;
          const unique = [...new Map(list.map((r) => [`${r.rule}:${r.detail}`, r])).values()];
          return { domain: a.domain, name: a.name, reasons: unique };
        }),
    };
  },
});
