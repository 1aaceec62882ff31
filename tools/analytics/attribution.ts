import type { Kysely } from "kysely";
import { z } from "zod";
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  type AttributionRollup,
  type AttributionTouch,
  DEFAULT_LOOKBACK_DAYS,
  rollUp,
} from "../../domain/attribution/index.ts";
import type { Window } from "../../domain/metrics/index.ts";
import { attributionInputs } from "../../store/queries/marketing-analytics.ts";
import type { Database } from "../../store/schema.ts";
import { defineTool } from "../tool.ts";
import { WindowDays, windowJson, windowOf } from "./window.ts";

/** The attribution model a model picks, described so it can choose. */
export const AttributionModelInput = z
  .enum(ATTRIBUTION_MODELS)
  .describe(
    "Attribution model: first (100% first touch), last (100% closing touch), linear (equal), u (40% first, " +
      "40% lead creation, 20% the rest), w (30% first, lead creation, deal creation each, 10% the rest), " +
      "full-path (22.5% to each of first, lead creation, deal creation, closing; 10% the rest), time-decay " +
      "(weight halves every 7 days before close)",
  );

const Input = z.object({ model: AttributionModelInput, windowDays: WindowDays });

/** One key's attributed revenue. */
export interface AttributedKey {
  key: string;
  cents: number;
}

/** Credits every deal won in the window (touches from the year before each close) and rolls them up. */
export async function attributeWonDeals(
  db: Kysely<Database>,
  window: Window & { to: Date },
  model: AttributionModel,
): Promise<AttributionRollup> {
  const inputs = await attributionInputs(
    db,
    { from: window.from ?? null, to: window.to },
    DEFAULT_LOOKBACK_DAYS,
  );
  const accountOf = new Map(inputs.contacts.map((c) => [c.email, c.accountDomain]));
  const leadCreated = new Map<string, Date>();
  for (const c of inputs.contacts) {
    if (c.accountDomain === null) continue;
    const seen = leadCreated.get(c.accountDomain);
    if (seen === undefined || c.createdAt < seen) leadCreated.set(c.accountDomain, c.createdAt);
  }
  const touchesOf = new Map<string, AttributionTouch[]>();
  for (const t of inputs.touches) {
    // The rule counts touches of the account's contacts; the touch's own account only decides for unknown contacts.
    const domain = accountOf.has(t.contactEmail) ? accountOf.get(t.contactEmail) : t.accountDomain;
    if (!domain) continue;
    const list = touchesOf.get(domain) ?? [];
    list.push({ id: t.id, at: t.occurredAt, campaign: t.campaign, channel: t.channel, agent: t.agent });
    touchesOf.set(domain, list);
  }
  const deals = inputs.deals.map((d) => ({
    deal: {
      id: d.id,
      amountCents: d.amountCents,
      createdAt: d.createdAt,
      closedAt: d.closedAt,
      leadCreatedAt: leadCreated.get(d.accountDomain) ?? null,
    },
    touches: touchesOf.get(d.accountDomain) ?? [],
  }));
  return rollUp(deals, model);
}

/** A roll-up record as a list, largest first, ties by key. */
export function ranked(sums: Record<string, number>): AttributedKey[] {
  return Object.entries(sums)
    .map(([key, cents]) => ({ key, cents }))
    .sort((a, b) => b.cents - a.cents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Closed-won revenue credited to campaigns, channels and agents under one attribution model. */
export const analyticsAttribution = defineTool({
  name: "analytics_attribution",
  description:
    "Multi-touch attribution of closed-won revenue: for every deal won in the window, the touches of its " +
    "account's contacts in the 365 days before close are credited under the chosen model, in whole cents that " +
    'sum to the deal amount. Returns totals by campaign, channel and agent, largest first ("(none)" for touches ' +
    "without a campaign or agent).",
  schema: Input,
  async run(ctx, input) {
    const window = { ...windowOf(ctx.now, input.windowDays), to: ctx.now };
    const rollup = await attributeWonDeals(ctx.db, window, input.model);
    return {
      model: rollup.model,
      window: windowJson(window),
      lookbackDays: DEFAULT_LOOKBACK_DAYS,
      dealsCredited: rollup.dealsCredited,
      dealsWithoutTouches: rollup.dealsWithoutTouches,
      totalCents: rollup.totalCents,
      byCampaign: ranked(rollup.byCampaign),
      byChannel: ranked(rollup.byChannel),
      byAgent: ranked(rollup.byAgent),
    };
  },
});
