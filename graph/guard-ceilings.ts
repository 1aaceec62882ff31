import { DISCOUNT_BANDS, PARTNER_TYPES, partnerTypeOf } from "../agents/bd/discount-bands.ts";
import { CHANNEL_WORDS } from "../agents/marketing/request.ts";
import { MAX_CANDIDATES } from "../agents/opportunity-scout.ts";
import { Channel, type ProposedAction } from "../domain/actions.ts";
import { checkCeilings, type PolicyCeilings } from "../domain/ceilings/index.ts";
import { decision } from "./guard-rules.ts";
import type { GuardDecision } from "./state.ts";

const bands = Object.values(DISCOUNT_BANDS);

/**
 * The ceilings the playbooks respect, as guard rules for every proposal: the partnership discount bands,
 * the widest band for plain discounts, the audience size the campaign tools build, the campaign channels,
 * and the opportunity scout's candidates per run.
 */
export const DEFAULT_CEILINGS: PolicyCeilings = {
  partnershipBands: PARTNER_TYPES.map((type) => ({
    name: `${type} partnership`,
    minPct: DISCOUNT_BANDS[type].minPct,
    maxPct: DISCOUNT_BANDS[type].maxPct,
    matches: (terms: string) => partnerTypeOf(terms) === type,
  })),
  widestPartnershipBand: {
    name: "partnership",
    minPct: Math.min(...bands.map((b) => b.minPct)),
    maxPct: Math.max(...bands.map((b) => b.maxPct)),
  },
  discountBand: { name: "discount", minPct: 0, maxPct: Math.max(...bands.map((b) => b.maxPct)) },
  maxAudienceAccounts: 1_000,
  maxEnrolContacts: 1_000,
  campaignChannels: [...new Set([...CHANNEL_WORDS.map(([name]) => name), ...Channel.options])],
  maxNewOpportunities: MAX_CANDIDATES,
};

/**
 * Splits a run's proposals into those within every ceiling and refusals for the rest (decision
 * `suppress`, the ceiling's rule named); a refused proposal never reaches the other rules or approval.
 */
export function applyCeilings(
  proposals: readonly ProposedAction[],
  ceilings: PolicyCeilings = DEFAULT_CEILINGS,
): { within: ProposedAction[]; refused: GuardDecision[] } {
  const within: ProposedAction[] = [];
  const refused: GuardDecision[] = [];
  const seen = new Map<string, number>();
  for (const action of proposals) {
    const key = `${action.agent}:${action.type}`;
    const before = seen.get(key) ?? 0;
    seen.set(key, before + 1);
    const breach = checkCeilings(action, ceilings, before);
    if (!breach) {
      within.push(action);
      continue;
    }
    const account = "accountDomain" in action ? action.accountDomain : null;
    refused.push(
      decision(action, account ?? "-", null, account, {
        decision: "suppress",
        rule: breach.rule,
        reason: breach.reason,
        until: null,
      }),
    );
  }
  return { within, refused };
}
