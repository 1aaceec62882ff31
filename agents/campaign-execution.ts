import type { Channel, ProposedActionInput } from "../domain/actions.ts";
import { campaignAudienceContacts } from "../tools/campaigns/audience-contacts.ts";
import { campaignBuildAudience } from "../tools/campaigns/build-audience.ts";
import { campaignList } from "../tools/campaigns/list-campaigns.ts";
import { templateForCampaignChannel } from "../tools/content/templates.ts";
import { defineAgent } from "./agent.ts";
import { ContentArtefact, ExecutionArtefact, PlannerArtefact } from "./marketing/artefacts.ts";
import { asksForBulk, channelInText, emailsIn, namedCampaign, requestText } from "./marketing/request.ts";

/** The most contacts one enrolment batch holds; a larger send stops at the approval gate. */
export const BATCH_SIZE = 50;

/** The hour (UTC) sends are scheduled for. */
export const SEND_HOUR_UTC = 9;

/**
 * Enrols a campaign's audience contacts in batches within caps, with the channel and template of its drafts.
 * From chat it enrols only into a campaign the request names (by id or exact name), and only the contacts the
 * request names when it names any; otherwise it answers with the plan and proposes nothing.
 */
export const campaignExecution = defineAgent({
  id: "campaign-execution",
  cluster: "marketing",
  title: "Campaign execution",
  description:
    "Runs campaigns: enrols the audience's contacts in the campaign in batches of at most 50 (one bulk send only " +
    "when asked), with the channel and template of the campaign's content, and schedules the sends.",
  examples: [
    "Enrol the SaaS audience in the webinar campaign",
    "Schedule the sends for the spring nurture campaign",
    "Start sending the campaign emails in batches",
    "Bulk enrol everyone in the launch email series",
    "Kick off enrolment for the LinkedIn campaign",
    "When do the next campaign batches go out?",
  ],
  reads: ["campaign-planner", "content-creation"],
  tools: [campaignList, campaignBuildAudience, campaignAudienceContacts],
  artefact: ExecutionArtefact,
  async playbook(input, kit) {
    const planned = PlannerArtefact.safeParse(input.artefacts["campaign-planner"]);
    const content = ContentArtefact.safeParse(input.artefacts["content-creation"]);
    const drafts = content.success ? content.data.drafts : [];
    const bulk = asksForBulk(input.request);
    const text = requestText(input.request);
    const chat = input.request.kind === "chat";
    const empty = (why: string) => ({
      artefact: { campaignId: null, channel: null, templateId: null, bulk, batches: [], skipped: [] },
      summary: why,
      proposals: [],
    });

    // The campaign: this run's plan, else the newest running or planned campaign (on the channel the request
    // names). From chat only a campaign the request names by id or exact name may be enrolled into.
    const plan = planned.success ? planned.data.campaign : null;
    const fromPlan = plan
      ? { id: plan.id, name: plan.name, channel: plan.channel, domains: plan.audienceDomains }
      : null;
    let campaign = fromPlan;
    let named = fromPlan !== null && namedCampaign(text, [fromPlan]) !== undefined;
    if (!campaign || (chat && !named)) {
      const { campaigns } = await kit.use(campaignList, { statuses: ["active", "planned"], limit: 50 });
      const wanted = channelInText(text);
      const byName = namedCampaign(text, campaigns);
      const pick = byName ?? campaigns.find((c) => !wanted || c.channel === wanted) ?? campaigns[0];
      if (byName || !campaign) {
        if (!pick) return empty("No active or planned campaign to enrol into; plan one first.");
        const audience = await kit.use(campaignBuildAudience, { limit: 500 });
        campaign = {
          id: pick.id,
          name: pick.name,
          channel: pick.channel ?? "email",
          domains: audience.audience.map((a) => a.domain),
        };
        named = byName !== undefined;
      }
    }
    if (campaign.domains.length === 0)
      return empty(`Campaign ${campaign.id} has no audience account BD does not own.`);

    // Channel and template: the first sendable draft of this campaign, else the template for its channel.
    const draft = drafts.find((d) => d.channel === "email") ?? drafts.find((d) => d.channel === "linkedin");
    const fallback = templateForCampaignChannel(campaign.channel);
    const channel: Channel = (draft?.channel ?? fallback.channel) === "linkedin" ? "linkedin" : "email";
    const templateId = draft?.templateId ?? fallback.id;

    const found = await kit.use(campaignAudienceContacts, {
      accountDomains: campaign.domains.slice(0, 1_000),
    });
    // A request that names contacts reaches those contacts only, never the rest of the audience.
    const people = chat ? emailsIn(text) : [];
    const only = (email: string) => people.length === 0 || people.includes(email.toLowerCase());
    const contacts = found.contacts.filter((c) => only(c.email));
    const skipped = found.skipped.filter((s) => only(s.email));
    if (contacts.length === 0)
      return empty(
        people.length > 0
          ? `Campaign ${campaign.id}: none of ${people.join(", ")} is a reachable contact of its audience.`
          : `Campaign ${campaign.id}: every audience contact is suppressed or unreachable.`,
      );

    const size = bulk ? contacts.length : BATCH_SIZE;
    const batches: ExecutionArtefact["batches"] = [];
    for (let i = 0; i * size < contacts.length; i++) {
      const part = contacts.slice(i * size, (i + 1) * size);
      batches.push({
        index: i + 1,
        size: part.length,
        sendAt: sendSlot(input.now, i).toISOString(),
        needsApproval: part.length > BATCH_SIZE,
        contacts: part.map((c) => c.email),
      });
    }
    const artefact = {
      campaignId: campaign.id,
      channel,
      templateId,
      bulk,
      batches,
      skipped: skipped.map((s) => ({ email: s.email, reason: s.reason })),
    };
    const what =
      `${contacts.length} contacts in ${campaign.id} on ${channel} (${templateId}) in ${batches.length} ` +
      `${bulk ? "bulk send" : `batch(es) of up to ${BATCH_SIZE}`}, first at ${batches[0]!.sendAt}; ` +
      `${skipped.length} skipped as do-not-contact, unsubscribed, bounced or suppressed.`;
    if (chat && !named)
      return {
        artefact,
        summary:
          `Plan only, nothing enrolled: I would enrol ${what} To go ahead, name the campaign by id or exact ` +
          `name (e.g. "enrol ${campaign.id}").`,
        proposals: [],
      };

    const byEmail = new Map(contacts.map((c) => [c.email, c.accountDomain]));
    const proposals: ProposedActionInput[] = batches.map((b) => ({
      type: "enrol_in_campaign",
      campaignId: campaign.id,
      channel,
      templateId,
      contacts: b.contacts.map((email) => ({ email, accountDomain: byEmail.get(email) ?? null })),
      rationale:
        `Batch ${b.index}/${batches.length} of ${campaign.name}: ${b.size} contacts on ${channel} with ${templateId}, ` +
        `scheduled ${b.sendAt.slice(0, 16).replace("T", " ")} UTC.`,
    }));
    return { artefact, summary: `Proposed enrolling ${what}`, proposals };
  },
});

/** The i-th send slot: one per weekday at SEND_HOUR_UTC, starting the next weekday slot after `now`. */
export function sendSlot(now: Date, i: number): Date {
  const at = new Date(now);
  at.setUTCHours(SEND_HOUR_UTC, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  let remaining = i;
  for (;;) {
    const day = at.getUTCDay();
    if (day !== 0 && day !== 6) {
      if (remaining === 0) return at;
      remaining -= 1;
    }
    at.setUTCDate(at.getUTCDate() + 1);
  }
}
