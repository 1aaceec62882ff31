import { UserError } from "../errors.ts";
import { largestRemainder } from "./largest-remainder.ts";
import type { AttributionModel } from "./models.ts";
import { anchorsOf, dealPath } from "./path.ts";
import {
  type AttributionDeal,
  type AttributionOptions,
  type AttributionTouch,
  DEFAULT_LOOKBACK_DAYS,
  DEFAULT_TIME_DECAY_HALF_LIFE_DAYS,
  type TouchCredit,
} from "./types.ts";
import { pathWeights } from "./weights.ts";

/**
 * Credits one won deal; `touches` are all touches of the deal's account's contacts (the function applies the
 * closed−365d ≤ t ≤ closed window itself and sorts by time then id). No touch in window → [].
 * Returns one credit per touch in the window, in path order; they sum to the deal's amount exactly.
 */
export function attributeDeal(
  deal: AttributionDeal,
  touches: readonly AttributionTouch[],
  model: AttributionModel,
  options: AttributionOptions = {},
): TouchCredit[] {
  const { lookbackDays, halfLifeDays } = checkedOptions(deal, options);
  const path = dealPath(deal, touches, lookbackDays);
  if (path.length === 0) return [];
  const { weights, roles } = pathWeights(path, anchorsOf(path, deal), deal, model, halfLifeDays);
  const cents = largestRemainder(deal.amountCents, weights);
  return path.map((t, i) => ({ touchId: t.id, cents: cents[i]!, roles: roles[i]! }));
}

function checkedOptions(deal: AttributionDeal, options: AttributionOptions): Required<AttributionOptions> {
  const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_TIME_DECAY_HALF_LIFE_DAYS;
  if (!Number.isSafeInteger(deal.amountCents) || deal.amountCents < 0) {
    throw new UserError(
      "invalid_deal_amount",
      `Deal ${deal.id} has amount ${deal.amountCents}; attribution needs whole cents ≥ 0, so fix the deal's amount.`,
      { details: { dealId: deal.id, amountCents: deal.amountCents } },
    );
  }
  if (!Number.isFinite(lookbackDays) || lookbackDays < 0) {
    throw new UserError(
      "invalid_lookback",
      `The attribution look-back is ${lookbackDays} days; give a number of days ≥ 0 (the default is 365).`,
      { details: { lookbackDays } },
    );
  }
  if (!Number.isFinite(halfLifeDays) || halfLifeDays <= 0) {
    throw new UserError(
      "invalid_half_life",
      `The time-decay half-life is ${halfLifeDays} days; give a positive number of days (the default is 7).`,
      { details: { halfLifeDays } },
    );
  }
  return { lookbackDays, halfLifeDays };
}
