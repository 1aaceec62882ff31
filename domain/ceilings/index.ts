import type { ProposedActionBody } from "../actions.ts";

/** A band a percentage must stay inside, named so a refusal can say which one. */
export interface PctBand {
  readonly name: string;
  readonly minPct: number;
  readonly maxPct: number;
}

/** The numeric limits every proposal is held to, whoever made it (a model or a playbook). */
export interface PolicyCeilings {
  /** Partnership offers: the band of the partner type the terms name, else `widest`. */
  readonly partnershipBands: readonly (PctBand & { readonly matches: (terms: string) => boolean })[];
  readonly widestPartnershipBand: PctBand;
  /** Plain discounts on a deal. */
  readonly discountBand: PctBand;
  /** Most accounts in one campaign audience, and most contacts in one enrolment. */
  readonly maxAudienceAccounts: number;
  readonly maxEnrolContacts: number;
  /** The channels a campaign may run on. */
  readonly campaignChannels: readonly string[];
  /** Most new opportunities one agent may propose in one run. */
  readonly maxNewOpportunities: number;
}

/** A refusal: the ceiling's rule name and a sentence saying what was over which limit. */
export interface CeilingBreach {
  readonly rule: `ceiling:${string}`;
  readonly reason: string;
}

/**
 * Checks one proposal against the ceilings; `sameKindBefore` is how many proposals of its type the same
 * agent made earlier in the run. Null when the proposal is within every limit.
 */
export function checkCeilings(
  action: ProposedActionBody,
  ceilings: PolicyCeilings,
  sameKindBefore = 0,
): CeilingBreach | null {
  switch (action.type) {
    case "make_offer": {
      const band =
        action.kind === "discount"
          ? ceilings.discountBand
          : (ceilings.partnershipBands.find((b) => b.matches(action.terms)) ??
            ceilings.widestPartnershipBand);
      if (action.discountPct > band.maxPct || action.discountPct < band.minPct) {
        return {
          rule: "ceiling:discount_band",
          reason: `${action.discountPct}% is outside the ${band.name} band (${band.minPct}–${band.maxPct}%).`,
        };
      }
      return null;
    }
    case "create_campaign": {
      if (action.audienceDomains.length > ceilings.maxAudienceAccounts) {
        return {
          rule: "ceiling:max_audience",
          reason: `The audience has ${action.audienceDomains.length} accounts; the most one campaign may target is ${ceilings.maxAudienceAccounts}.`,
        };
      }
      if (!ceilings.campaignChannels.includes(action.channel)) {
        return {
          rule: "ceiling:allowed_channels",
          reason: `Channel "${action.channel}" is not one of ${ceilings.campaignChannels.join(", ")}.`,
        };
      }
      return null;
    }
    case "enrol_in_campaign":
      return action.contacts.length > ceilings.maxEnrolContacts
        ? {
            rule: "ceiling:max_audience",
            reason: `The enrolment has ${action.contacts.length} contacts; the most one enrolment may hold is ${ceilings.maxEnrolContacts}.`,
          }
        : null;
    case "create_opportunity":
      return sameKindBefore >= ceilings.maxNewOpportunities
        ? {
            rule: "ceiling:max_new_opportunities",
            reason: `At most ${ceilings.maxNewOpportunities} new opportunities may be proposed in one run.`,
          }
        : null;
    default:
      return null;
  }
}
