import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { accountKey } from "../../domain/keys.ts";
import { bdScoringAccounts } from "../../store/queries/bd-pipeline.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { defineTool } from "../tool.ts";
import { accountFit } from "./score-accounts.ts";

const Input = z.object({
  domain: z.string().min(3).describe("The account's domain, e.g. acme.com (a URL or email works too)"),
});

/** One account's profile: firmographics, ICP fit with reasons, customer status, open deals and suppression. */
export const researchAccountProfile = defineTool({
  name: "research_account_profile",
  description:
    "Profile one account by domain: name, industry, size band, country, ICP fit (0..100) with the rules that " +
    "matched, whether it is a customer (won deals), open opportunities, owner, and whether it is suppressed. " +
    "`found` is false for a domain the CRM does not know.",
  schema: Input,
  async run(ctx, input) {
    const domain = accountKey(input.domain);
    if (!domain)
      throw new ToolError(
        "domain_invalid",
        `"${input.domain}" is not a company domain (free-mail domains have no account); pass one like acme.com.`,
      );
    const [account] = await bdScoringAccounts(ctx.db, { domain, now: ctx.now });
    if (!account) return { domain, found: false as const };
    const { fit, matches } = accountFit(account);
    return {
      domain,
      found: true as const,
      crm: { name: account.name, industry: account.industry, country: account.country, owner: account.owner },
      sizeBand: sizeBandOf(account.employees),
      fit,
      reasons: matches.map((m) => `${m.label} ${m.points >= 0 ? "+" : ""}${m.points}`),
      customer: account.wonDeals > 0,
      wonDeals: account.wonDeals,
      openOpportunities: account.openOpportunities,
      suppressed: account.suppressed,
    };
  },
});
