import type { ProposedActionInput } from "../domain/actions.ts";
import { accountKey, isFreeMailDomain } from "../domain/keys.ts";
import { researchAccountProfile } from "../tools/research/account-profile.ts";
import { defineAgent } from "./agent.ts";
import { type PartnershipArtefact, PartnershipArtefact as PartnershipSchema } from "./bd/artefacts.ts";
import {
  clampToBand,
  DISCOUNT_BANDS,
  type PartnerType,
  partnerTypeOf,
  startingPct,
} from "./bd/discount-bands.ts";
import { dataNumber, domainsIn } from "./bd/request.ts";
import { dataString, eventOf } from "./marketing/request.ts";

/**
 * Proposes partnership terms as a `make_offer` (kind partnership) inside the band of the partner's type:
 * a requested percentage is clamped into the band and the terms say so; with no request the offer starts at the
 * band's top for a strong ICP fit (≥ 70), its bottom for a weak one (< 40), else its default. An inquiry that
 * names no known type is treated as referral. Every offer still stops at the approval gate.
 */
export const partnershipNegotiator = defineAgent({
  id: "partnership-negotiator",
  cluster: "bd",
  title: "Partnership negotiator",
  description:
    "Answers partner inquiries (referral, reseller, technology partners) with proposed partnership terms — " +
    "revenue share, reseller margin or referral fee — always inside the discount band for the partner type.",
  examples: [
    "Initech wants to become a reseller, what terms can we offer?",
    "Propose partnership terms for a referral partner at acme.com",
    "What revenue share should we give a technology partner?",
    "A partner asked for a 35% reseller margin, is that within our bands?",
    "Draft an alliance offer for wayne.com",
  ],
  reads: [],
  tools: [researchAccountProfile],
  artefact: PartnershipSchema,
  async playbook(input, kit) {
    const inquiry = eventOf(input.request, "partner_inquiry");
    const text = input.request.kind === "chat" ? input.request.text : "";
    const rawDomain = inquiry?.entity_id ?? domainsIn(text)[0];
    const named = partnerTypeOf(dataString(inquiry, "type") ?? dataString(inquiry, "partner_type") ?? text);
    const partnerType: PartnerType = named ?? "referral";
    const band = DISCOUNT_BANDS[partnerType];
    const requested =
      dataNumber(inquiry?.data, "requested_pct", "requested_share_pct", "discount_pct") ??
      (text ? Number(/(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1] ?? Number.NaN) : Number.NaN);
    const requestedPct = Number.isFinite(requested) ? requested : null;
    const base: PartnershipArtefact = {
      partner: null,
      partnerType,
      typeAssumed: named === null,
      band: { minPct: band.minPct, maxPct: band.maxPct, defaultPct: band.defaultPct },
      requestedPct,
      proposedPct: null,
      clamped: false,
      terms: null,
      refusal: null,
    };

    const domain = rawDomain ? accountKey(rawDomain) : null;
    if (!domain) {
      const why =
        rawDomain && isFreeMailDomain(rawDomain.split("@").pop() ?? "")
          ? `${rawDomain} is a free-mail address; partnerships are made with companies, so ask for the company domain.`
          : "No partner company named: give its domain (e.g. initech.com).";
      return { artefact: { ...base, refusal: why }, summary: `No terms proposed: ${why}`, proposals: [] };
    }
    const profile = await kit.use(researchAccountProfile, { domain });
    const fit = profile.found ? profile.fit : null;
    const { pct, clamped } = clampToBand(requestedPct ?? startingPct(band, fit), band);
    const how =
      requestedPct === null
        ? `starting at ${pct}% for ${fit === null ? "an unknown account (band default)" : `ICP fit ${fit}`}`
        : clamped
          ? `${requestedPct}% was requested, outside the ${band.minPct}–${band.maxPct}% ${partnerType} band, so it is clamped to ${pct}%`
          : `${requestedPct}% as requested, inside the ${band.minPct}–${band.maxPct}% band`;
    const terms =
      `${capitalise(partnerType)} partnership with ${domain}: ${pct}% ${band.basis}, ` +
      `${band.termMonths}-month term, paid quarterly on collected revenue, either side may end it with 60 days' notice.` +
      (clamped
        ? ` The requested ${requestedPct}% is outside our ${partnerType} band (max ${band.maxPct}%).`
        : "");
    const proposal: ProposedActionInput = {
      type: "make_offer",
      accountDomain: domain,
      kind: "partnership",
      discountPct: pct,
      terms,
      rationale: `Partner inquiry (${partnerType}${named === null ? ", type assumed" : ""}): ${how}.`,
    };
    const partner: PartnershipArtefact["partner"] = profile.found
      ? { domain, known: true, fit: profile.fit, customer: profile.customer, crm: { name: profile.crm.name } }
      : { domain, known: false, fit: null, customer: false, crm: { name: null } };
    return {
      artefact: { ...base, partner, proposedPct: pct, clamped, terms },
      summary:
        `Proposed ${partnerType} terms to ${domain}: ${pct}% (band ${band.minPct}–${band.maxPct}%)` +
        `${clamped ? `, clamped from the requested ${requestedPct}%` : ""}; waits for approval.` +
        `${profile.found && profile.suppressed ? " Note: the account is suppressed; the guard will stop the offer." : ""}`,
      proposals: [proposal],
    };
  },
});

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
