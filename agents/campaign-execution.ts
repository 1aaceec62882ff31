import type { Channel, ProposedActionInput } from "../domain/actions.ts";
import { campaignAudienceContacts } from "../tools/campaigns/audience-contacts.ts";
import { campaignBuildAudience } from "../tools/campaigns/build-audience.ts";
import { campaignList } from "../tools/campaigns/list-campaigns.ts";
import { templateForCampaignChannel } from "../tools/content/templates.ts";
import { defineAgent } from "./agent.ts";
import { ContentArtefact, ExecutionArtefact, PlannerArtefact } from "./marketing/artefacts.ts";
import { asksForBulk, channelInText, requestText } from "./marketing/request.ts";

/** The most contacts one enrolment batch holds; a larger send stops at the approval gate. */
export const BATCH_SIZE = 50;

/** The hour (UTC) sends are scheduled for. */
export const SEND_HOUR_UTC = 9;

/** Enrols a campaign's audience contacts in batches within caps, with the channel and template of its drafts. */
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
  keywords: ["enrol", "enroll", "enrolment", "batch", "batches", "schedule", "sends", "bulk", "kick off"],
  reads: ["campaign-planner", "content-creation"],
  tools: [campaignList, campaignBuildAudience, campaignAudienceContacts],
  artefact: ExecutionArtefact,
  async playbook(input, kit) {
    const planned = PlannerArtefact.safeParse(input.artefacts["campaign-planner"]);
    const content = ContentArtefact.safeParse(input.artefacts["content-creation"]);
    const drafts = content.success ? content.data.drafts : [];
    const bulk = asksForBulk(input.request);
    const empty = (why: string) => ({
      artefact: { campaignId: null, channel: null, templateId: null, bulk, batches: [], skipped: [] },
      summary: why,
      proposals: [],
    });

    // The campaign: this run's plan, else the newest running or planned campaign (on the channel the request names).
    let campaign: { id: string; name: string; channel: string; domains: string[] } | null = null;
    if (planned.success && planned.data.campaign) {
      const c = planned.data.campaign;
      campaign = { id: c.id, name: c.name, channel: c.channel, domains: c.audienceDomains };
    } else {
      const { campaigns } = await kit.use(campaignList, { statuses: ["active", "planned"], limit: 50 });
      const wanted = channelInText(requestText(input.request));
      const pick = campaigns.find((c) => !wanted || c.channel === wanted) ?? campaigns[0];
      if (!pick) return empty("No active or planned campaign to enrol into; plan one first.");
      const audience = await kit.use(campaignBuildAudience, { limit: 500 });
      campaign = {
        id: pick.id,
        name: pick.name,
        channel: pick.channel ?? "email",
        domains: audience.audience.map((a) => a.domain),
      };
    }
    if (campaign.domains.length === 0)
      return empty(`Campaign ${campaign.id} has no audience account BD does not own.`);

    // Channel and template: the first sendable draft of this campaign, else the template for its channel.
    const draft = drafts.find((d) => d.channel === "email") ?? drafts.find((d) => d.channel === "linkedin");
    const fallback = templateForCampaignChannel(campaign.channel);
    const channel: Channel = (draft?.channel ?? fallback.channel) === "linkedin" ? "linkedin" : "email";
    const templateId = draft?.templateId ?? fallback.id;

    const { contacts, skipped } = await kit.use(campaignAudienceContacts, {
      accountDomains: campaign.domains.slice(0, 1_000),
    });
    if (contacts.length === 0)
      return empty(`Campaign ${campaign.id}: every audience contact is suppressed or unreachable.`);

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
    return {
      artefact: {
        campaignId: campaign.id,
        channel,
        templateId,
        bulk,
        batches,
        skipped: skipped.map((s) => ({ email: s.email, reason: s.reason })),
      },
      summary:
        `Proposed enrolling ${contacts.length} contacts in ${campaign.id} on ${channel} (${templateId}) in ` +
        `${batches.length} ${bulk ? "bulk send" : `batch(es) of up to ${BATCH_SIZE}`}, first at ${batches[0]!.sendAt}; ` +
        `${skipped.length} skipped as do-not-contact, unsubscribed, bounced or suppressed.`,
      proposals,
    };
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
