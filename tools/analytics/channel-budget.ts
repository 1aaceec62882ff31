import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { listCampaigns } from "../../store/queries/marketing-crm.ts";
import { defineTool } from "../tool.ts";
import { AttributionModelInput, attributeWonDeals } from "./attribution.ts";
import { splitBudget } from "./budget-split.ts";
import { WindowDays, windowJson, windowOf } from "./window.ts";

/** More campaigns than any store holds; the budget needs every campaign's channel. */
const ALL_CAMPAIGNS = 1_000_000;

const Input = z.object({
  totalBudgetCents: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .describe("The budget to split, in cents"),
  model: AttributionModelInput,
  windowDays: WindowDays,
  floorShare: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(
      "Share of the budget every channel gets at least (0.05 = 5%); the floors must fit in the budget",
    ),
});

/** One channel's attributed revenue and budget. */
export interface ChannelBudget {
  channel: string;
  attributedCents: number;
  budgetCents: number;
}

/** Splits a budget across the campaign channels: a floor each, the rest in proportion to attributed revenue. */
export const analyticsChannelBudget = defineTool({
  name: "analytics_channel_budget",
  description:
    "Splits a marketing budget (cents) across the channels of the campaigns: every channel first gets " +
    "floorShare of the budget, the rest goes in proportion to the closed-won revenue the chosen attribution " +
    "model credits to each channel's campaigns (equally if none). Whole cents, summing to the budget; " +
    "largest budget first.",
  schema: Input,
  async run(ctx, input) {
    const campaigns = await listCampaigns(ctx.db, { limit: ALL_CAMPAIGNS });
    const channelOf = new Map(campaigns.flatMap((c) => (c.channel ? [[c.id, c.channel] as const] : [])));
    const channels = [...new Set(channelOf.values())].sort();
    if (channels.length === 0) {
      throw new ToolError(
        "no_campaign_channels",
        "No campaign has a channel, so there is nothing to split the budget across; plan a campaign first.",
      );
    }
    if (input.floorShare * channels.length > 1) {
      throw new ToolError(
        "floor_share_too_high",
        `A floor of ${input.floorShare} for each of ${channels.length} channels exceeds the budget; ` +
          `use a floorShare of at most ${Math.floor((1 / channels.length) * 1e4) / 1e4}.`,
      );
    }
    // Rounded to the cent, but never so high that the floors together exceed the budget.
    const floorCents = Math.min(
      Math.round(input.totalBudgetCents * input.floorShare),
      Math.floor(input.totalBudgetCents / channels.length),
    );
    const window = { ...windowOf(ctx.now, input.windowDays), to: ctx.now };
    const rollup = await attributeWonDeals(ctx.db, window, input.model);
    const attributed = new Map(channels.map((ch) => [ch, 0]));
    for (const [campaign, cents] of Object.entries(rollup.byCampaign)) {
      const channel = channelOf.get(campaign);
      if (channel !== undefined) attributed.set(channel, attributed.get(channel)! + cents);
    }
    const split = splitBudget(
      input.totalBudgetCents,
      channels.map((ch) => ({ key: ch, weight: attributed.get(ch)! })),
      floorCents,
    );
    const lines: ChannelBudget[] = split
      .map((s) => ({ channel: s.key, attributedCents: attributed.get(s.key)!, budgetCents: s.cents }))
      .sort((a, b) => b.budgetCents - a.budgetCents || (a.channel < b.channel ? -1 : 1));
    return {
      model: input.model,
      window: windowJson(window),
      totalBudgetCents: input.totalBudgetCents,
      floorCents,
      channels: lines,
    };
  },
});
