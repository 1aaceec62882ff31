import { z } from "zod";
import { bdScoringAccounts, bdTouchCountsByAccount } from "../../store/queries/bd-pipeline.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { defineTool } from "../tool.ts";

/** Days in each of the two windows compared: the last 14 days against the 14 before. */
export const SPIKE_WINDOW_DAYS = 14;

/** The fewest recent touches that can count as a spike, so one touch after a quiet month is not one. */
export const SPIKE_MIN_RECENT = 3;

/** A spike is at least this many times the previous window's touches. */
export const SPIKE_RATIO = 2;

const DAY = 86_400_000;

/** Whether recent against previous touches is a spike: at least the minimum, and at least the ratio times before. */
export function isSpike(recent: number, previous: number): boolean {
  return recent >= SPIKE_MIN_RECENT && recent >= SPIKE_RATIO * previous;
}

/** One account's touch counts in the two windows and where it stands. */
export interface SpikeRow {
  domain: string;
  name: string;
  industry: string | null;
  sizeBand: string;
  recent: number;
  previous: number;
  spike: boolean;
  openOpportunities: number;
  suppressed: boolean;
}

const Input = z.object({
  accountDomain: z
    .string()
    .min(3)
    .optional()
    .describe("Check only this account (always returned when known)"),
  limit: z.number().int().min(1).max(200).default(25).describe("At most this many spiking accounts"),
});

// Up to this many spiking accounts are read by name; more, and every account is read (then filtered).
const MAX_LISTED = 500;

/** Accounts whose touches in the last 14 days are a spike against the 14 before, with open deals and suppression. */
export const pipelineEngagementSpikes = defineTool({
  name: "pipeline_engagement_spikes",
  description:
    "Find accounts whose engagement spiked: touches in the last 14 days against the 14 days before (a spike is " +
    "at least 3 recent touches and at least twice the previous count). Each row has both counts, the account's " +
    "industry and size band, its open opportunity count and whether it is suppressed. With accountDomain, " +
    "returns that account's row whether or not it spiked.",
  schema: Input,
  async run(ctx, input) {
    const to = ctx.now;
    const mid = new Date(to.getTime() - SPIKE_WINDOW_DAYS * DAY);
    const from = new Date(to.getTime() - 2 * SPIKE_WINDOW_DAYS * DAY);
    const domain = input.accountDomain?.trim().toLowerCase();
    const counts = await bdTouchCountsByAccount(ctx.db, { from, mid, to, accountDomain: domain });
    // Without a domain only spiking accounts are shown, so only theirs are read (not every account's titles).
    const spiking = domain
      ? undefined
      : [...counts].filter(([, c]) => isSpike(c.recent, c.previous)).map(([d]) => d);
    const few = spiking && spiking.length <= MAX_LISTED ? spiking : undefined;
    const accounts = await bdScoringAccounts(ctx.db, { domain, domains: few, now: ctx.now });
    const rows: SpikeRow[] = accounts.map((a) => {
      const c = counts.get(a.domain) ?? { recent: 0, previous: 0 };
      return {
        domain: a.domain,
        name: a.name,
        industry: a.industry,
        sizeBand: sizeBandOf(a.employees),
        recent: c.recent,
        previous: c.previous,
        spike: isSpike(c.recent, c.previous),
        openOpportunities: a.openOpportunities,
        suppressed: a.suppressed,
      };
    });
    const shown = domain
      ? rows
      : rows
          .filter((r) => r.spike)
          .sort((a, b) => b.recent - b.previous - (a.recent - a.previous) || a.domain.localeCompare(b.domain))
          .slice(0, input.limit);
    return {
      window: { recentFrom: mid.toISOString(), previousFrom: from.toISOString(), to: to.toISOString() },
      accounts: shown,
    };
  },
});
