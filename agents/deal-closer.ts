import type { ProposedActionInput } from "../domain/actions.ts";
import { ToolError } from "../domain/errors.ts";
import { crmAccountContacts, mainContact } from "../tools/crm/account-contacts.ts";
import { outreachDraftTouch } from "../tools/outreach/draft-touch.ts";
import { type DealRisk, LATE_STAGES, pipelineDealRisks } from "../tools/pipeline/deal-risks.ts";
import { type AgentKit, defineAgent } from "./agent.ts";
import { type DealReviewArtefact, DealReviewArtefact as DealReviewSchema } from "./bd/artefacts.ts";
import { domainsIn, triggerOf } from "./bd/request.ts";
import { dollars, eventOf } from "./marketing/request.ts";
import { describeFilters, parseFilters } from "./request/filters.ts";

/** Where a severely stalled deal with nobody to write to goes back to, to be requalified. */
export const REQUALIFY_STAGE = "discovery";

type Reviewed = DealReviewArtefact["deals"][number];

/** High when severely stalled or flagged twice, medium when flagged once, else low. */
export function riskLevel(deal: Pick<DealRisk, "flags" | "severe">): Reviewed["risk"] {
  if (deal.severe || deal.flags.length >= 2) return "high";
  return deal.flags.length === 1 ? "medium" : "low";
}

/**
 * Reviews late-stage deals (proposal, negotiation) for staleness (no touch in 14+ days) and stalls, proposes the
 * next best action for each deal at risk — a `send_touch` (play "deal") to its main reachable contact, or, when
 * nobody can be reached and the deal has sat twice its stage's limit, a `move_stage` back to discovery with the
 * reason — and writes the forecast at risk. A deal at risk with nobody to write to and no severe stall is left
 * to its owner, and the artefact says so.
 */
export const dealCloser = defineAgent({
  id: "deal-closer",
  cluster: "bd",
  title: "Deal closer",
  description:
    "Reviews late-stage deals in proposal and negotiation: finds stale and stalled ones, proposes the next best " +
    "action (a follow-up to the main contact, or moving a dead deal back to requalify) and reports forecast risk.",
  examples: [
    "Who should we chase this week?",
    "Which deals are at risk of slipping?",
    "Run the stale deal sweep",
    "What is the forecast risk in negotiation?",
    "What's the next step on the globex.com deal?",
    "Give me a close plan for our late-stage deals",
  ],
  reads: [],
  tools: [pipelineDealRisks, crmAccountContacts, outreachDraftTouch],
  artefact: DealReviewSchema,
  async playbook(input, kit) {
    const event = eventOf(input.request, "deal_stale", "opportunity_stage_changed");
    const notes: string[] = [];
    const opportunityId = event?.entity_type === "opportunity" ? event.entity_id : undefined;
    let { deals } = await kit.use(pipelineDealRisks, { opportunityId });
    if (opportunityId && deals.length === 0)
      notes.push(`Opportunity ${opportunityId} is not open (closed or unknown); nothing to do.`);
    for (const early of deals.filter((d) => !(LATE_STAGES as readonly string[]).includes(d.stage)))
      notes.push(
        `${early.id} is in ${early.stage}; deal review works late-stage deals (proposal, negotiation).`,
      );
    deals = deals.filter((d) => (LATE_STAGES as readonly string[]).includes(d.stage));
    const named = input.request.kind === "chat" ? domainsIn(input.request.text) : [];
    if (named.length > 0) deals = deals.filter((d) => named.includes(d.accountDomain));
    // Stage and owner a chat names narrow the review; the agent node states any other filter it named.
    const filters =
      input.request.kind === "chat" ? parseFilters(input.request.text, input.vocabulary, input.now) : null;
    if (filters?.stages.length) deals = deals.filter((d) => filters.stages.includes(d.stage));
    if (filters?.owners.length)
      deals = deals.filter((d) => d.crm.owner !== null && filters.owners.includes(d.crm.owner));

    const reviewed: Reviewed[] = [];
    const proposals: ProposedActionInput[] = [];
    for (const deal of deals) {
      const risk = riskLevel(deal);
      const row = {
        id: deal.id,
        accountDomain: deal.accountDomain,
        stage: deal.stage,
        amountCents: deal.amountCents,
        weightedCents: deal.weightedCents,
        daysInStage: deal.daysInStage,
        daysSinceTouch: deal.daysSinceTouch,
        flags: deal.flags,
        risk,
      };
      if (risk === "low") {
        reviewed.push({ ...row, nextAction: "none: on track", contactEmail: null });
        continue;
      }
      const action = await nextAction(kit, deal, notes);
      if (action.proposal) proposals.push(action.proposal);
      reviewed.push({ ...row, nextAction: action.text, contactEmail: action.contactEmail });
    }

    const atRisk = reviewed.filter((d) => d.risk !== "low");
    const forecast = {
      deals: reviewed.length,
      weightedCents: reviewed.reduce((s, d) => s + d.weightedCents, 0),
      atRiskWeightedCents: atRisk.reduce((s, d) => s + d.weightedCents, 0),
      atRiskDeals: atRisk.length,
    };
    const scope = filters ? describeFilters(filters, ["stage", "owner"]) : "";
    const summary =
      reviewed.length === 0
        ? (notes[0] ?? "No open late-stage deal to review.")
        : `Reviewed ${reviewed.length} deal(s)${scope ? ` (${scope})` : ""}: ${atRisk.length} at risk, ${dollars(forecast.atRiskWeightedCents)} of ` +
          `${dollars(forecast.weightedCents)} weighted pipeline. ` +
          (atRisk.length > 0 ? atRisk.map((d) => `${d.id}: ${d.nextAction}`).join("; ") : "All on track.");
    return {
      artefact: { trigger: triggerOf(input.request), deals: reviewed, forecast, notes },
      summary,
      proposals,
      appliedFilters: ["stage", "owner"],
    };
  },
});

/** The next best action for one deal at risk: a touch to its main contact, a requalifying move, or the owner. */
async function nextAction(
  kit: AgentKit,
  deal: DealRisk,
  notes: string[],
): Promise<{ text: string; contactEmail: string | null; proposal?: ProposedActionInput }> {
  const why = describeFlags(deal);
  const { contacts } = await kit.use(crmAccountContacts, { account: deal.accountDomain });
  const contact = mainContact(contacts.filter((c) => c.accountDomain === deal.accountDomain));
  if (contact) {
    const templateId = deal.stage === "negotiation" ? "deal-close-plan" : "deal-follow-up";
    try {
      const draft = await kit.use(outreachDraftTouch, {
        templateId,
        contactEmail: contact.email,
        opportunityName: deal.crm.dealName,
      });
      return {
        text: `${templateId} ${draft.channel} to the main contact (${contact.persona})`,
        contactEmail: contact.email,
        proposal: {
          type: "send_touch",
          contactEmail: contact.email,
          accountDomain: deal.accountDomain,
          channel: draft.channel,
          play: "deal",
          templateId,
          subject: draft.subject,
          body: draft.body,
          rationale: `${deal.id} (${deal.stage}, ${dollars(deal.amountCents)}) is at risk: ${why}. Re-engage the main contact.`,
        },
      };
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      notes.push(`${deal.id}: could not draft ${templateId} for ${contact.email}: ${error.message}`);
    }
  }
  if (deal.severe) {
    const reason = `Stalled ${deal.daysInStage} days in ${deal.stage} (${why}) with no reachable contact: requalify.`;
    return {
      text: `move back to ${REQUALIFY_STAGE}: no reachable contact`,
      contactEmail: null,
      proposal: {
        type: "move_stage",
        opportunityId: deal.id,
        toStage: REQUALIFY_STAGE,
        reason,
        rationale: `${deal.id} (${dollars(deal.amountCents)}) has sat ${deal.daysInStage} days in ${deal.stage}; keeping it there overstates the forecast.`,
      },
    };
  }
  return {
    text: "owner to find a reachable contact (nobody at the account can be written to)",
    contactEmail: null,
  };
}

function describeFlags(deal: DealRisk): string {
  return deal.flags
    .map((f) =>
      f === "no_recent_touch"
        ? `no touch in ${deal.daysSinceTouch} days`
        : f === "never_touched"
          ? "never touched"
          : `${deal.daysInStage} days in ${deal.stage}`,
    )
    .join(", ");
}
