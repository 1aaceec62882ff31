import { attributeDeal } from "./attribute-deal.ts";
import type { AttributionModel } from "./models.ts";
import type { AttributionDeal, AttributionOptions, AttributionTouch } from "./types.ts";

/** The key a touch without a campaign or agent rolls up under. */
export const NO_KEY = "(none)";

/** A model's credits over many deals, in cents, by campaign, channel and agent. */
export interface AttributionRollup {
  model: AttributionModel;
  dealsCredited: number;
  dealsWithoutTouches: number;
  totalCents: number;
  byCampaign: Record<string, number>;
  byChannel: Record<string, number>;
  byAgent: Record<string, number>;
}

/** Attributes every deal under `model` and sums the credits by campaign, channel and agent (null → "(none)"). */
export function rollUp(
  deals: readonly { deal: AttributionDeal; touches: readonly AttributionTouch[] }[],
  model: AttributionModel,
  options: AttributionOptions = {},
): AttributionRollup {
  const sums = rollUpSums(model, options);
  for (const { deal, touches } of deals) sums.add(deal, touches);
  return sums.result();
}

/** A roll-up fed one deal at a time, so a caller can read each deal's touches, add them and let them go. */
export interface RollUpSums {
  add(deal: AttributionDeal, touches: readonly AttributionTouch[]): void;
  /** The roll-up of every deal added so far; the same as `rollUp` over them in any order. */
  result(): AttributionRollup;
}

/** Starts an empty roll-up under `model`. */
export function rollUpSums(model: AttributionModel, options: AttributionOptions = {}): RollUpSums {
  const byCampaign = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const byAgent = new Map<string, number>();
  const add = (sums: Map<string, number>, key: string, cents: number) =>
    sums.set(key, (sums.get(key) ?? 0) + cents);
  let deals = 0;
  let dealsCredited = 0;
  let totalCents = 0;
  return {
    add(deal, touches) {
      deals++;
      const credits = attributeDeal(deal, touches, model, options);
      if (credits.length === 0) return;
      dealsCredited++;
      const byId = new Map(touches.map((t) => [t.id, t]));
      for (const credit of credits) {
        const touch = byId.get(credit.touchId)!;
        totalCents += credit.cents;
        add(byCampaign, touch.campaign ?? NO_KEY, credit.cents);
        add(byChannel, touch.channel, credit.cents);
        add(byAgent, touch.agent ?? NO_KEY, credit.cents);
      }
    },
    result: () => ({
      model,
      dealsCredited,
      dealsWithoutTouches: deals - dealsCredited,
      totalCents,
      byCampaign: sortedRecord(byCampaign),
      byChannel: sortedRecord(byChannel),
      byAgent: sortedRecord(byAgent),
    }),
  };
}

/** A plain record with keys in sorted order, so output is the same whatever order the touches came in. */
function sortedRecord(sums: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
