import { ToolError } from "../domain/errors.ts";
import { accountKey } from "../domain/keys.ts";
import { type AudienceContact, campaignAudienceContacts } from "../tools/campaigns/audience-contacts.ts";
import { PERSONAS } from "../tools/content/persona.ts";
import { contentRender } from "../tools/content/render.ts";
import { type ContentTemplateId, templateForCampaignChannel } from "../tools/content/templates.ts";
import { type AgentKit, defineAgent } from "./agent.ts";
import { ContentArtefact, type Draft, PlannerArtefact } from "./marketing/artefacts.ts";
import { dataString, eventOf, requestText } from "./marketing/request.ts";

/** How far ahead a webinar is announced when the request gives no date. */
export const WEBINAR_LEAD_DAYS = 14;

/** Words of a request or a `format` field that choose a template. */
const FORMAT_TEMPLATES: ReadonlyArray<readonly [RegExp, ContentTemplateId]> = [
  [/case[\s_-]?stud/i, "case-study-email"],
  [/webinar|invite|invitation/i, "webinar-invite"],
  [/linked\s?in|social post|\bpost\b/i, "linkedin-post"],
  [/landing/i, "landing-copy"],
  [/e-?mail|nurture/i, "nurture-email"],
];

type Refusal = ContentArtefact["refusals"][number];

/** Writes campaign content from templates filled with real account and contact fields, one draft per persona. */
export const contentCreation = defineAgent({
  id: "content-creation",
  cluster: "marketing",
  title: "Content creation",
  description:
    "Writes marketing content from templates — nurture emails, webinar invitations, case-study emails, LinkedIn " +
    "posts and landing page copy — filled with real account and contact fields, one sample draft per persona.",
  examples: [
    "Write the landing page copy for the SaaS webinar",
    "Write a LinkedIn post promoting our pipeline hygiene webinar",
    "Create a case study email for fintech prospects",
    "Write nurture email copy for the accounts in the new campaign",
    "Prepare the webinar invitation for the campaign",
    "Give me sample copy for each persona in the new campaign",
  ],
  keywords: [
    "copy",
    "copywriting",
    "landing page",
    "linkedin post",
    "post",
    "invitation",
    "case study",
    "newsletter",
    "content",
  ],
  reads: ["campaign-planner"],
  tools: [campaignAudienceContacts, contentRender],
  artefact: ContentArtefact,
  async playbook(input, kit) {
    const planned = PlannerArtefact.safeParse(input.artefacts["campaign-planner"]);
    const campaign = planned.success ? planned.data.campaign : null;
    const event = eventOf(input.request, "content_requested");
    const text = `${requestText(input.request)} ${dataString(event, "format") ?? ""}`;
    const chosen = FORMAT_TEMPLATES.find(([re]) => re.test(text))?.[1];
    const webinarDate = new Date(input.now.getTime() + WEBINAR_LEAD_DAYS * 86_400_000)
      .toUTCString()
      .slice(0, 16);
    const values = { "webinar.date": dataString(event, "webinar_date") ?? webinarDate };

    const campaignId =
      campaign?.id ??
      (event?.entity_type === "campaign" ? event.entity_id : dataString(event, "campaign_id"));
    const domains = campaign
      ? campaign.audienceDomains
      : targetDomains(event?.entity_type === "account" ? event.entity_id : requestText(input.request));
    const template = chosen ?? (campaign ? templateForCampaignChannel(campaign.channel).id : "nurture-email");

    const drafts: Draft[] = [];
    const refusals: Refusal[] = [];
    if (domains.length > 0) {
      const { contacts } = await kit.use(campaignAudienceContacts, { accountDomains: domains.slice(0, 200) });
      for (const contact of onePerPersona(contacts)) {
        const draft =
          (await render(kit, template, contact, campaignId, campaign?.name, values, refusals)) ??
          (template !== "nurture-email"
            ? await render(kit, "nurture-email", contact, campaignId, campaign?.name, values, refusals)
            : null);
        if (draft) drafts.push(draft);
      }
      // A campaign that drives people to a page gets its landing copy too, written for its first account.
      const lands =
        campaign && ["webinar", "content", "paid_search", "paid_social", "events"].includes(campaign.channel);
      if (lands && template !== "landing-copy" && contacts[0]) {
        const landing = await render(
          kit,
          "landing-copy",
          contacts[0],
          campaignId,
          campaign.name,
          values,
          refusals,
        );
        if (landing) drafts.push({ ...landing, contactEmail: null, persona: "any" });
      }
    }

    const handoffs =
      campaign && drafts.some((d) => d.channel !== "web") ? (["campaign-execution"] as const) : [];
    const what = campaign
      ? `campaign ${campaign.id}`
      : domains.length > 0
        ? domains.slice(0, 3).join(", ")
        : "nobody";
    return {
      artefact: { campaignId: campaignId ?? null, drafts, refusals },
      summary:
        drafts.length > 0
          ? `Wrote ${drafts.length} draft(s) for ${what} (${[...new Set(drafts.map((d) => d.templateId))].join(", ")}), ` +
            `personas: ${drafts.map((d) => d.persona).join(", ")}.${refusals.length ? ` ${refusals.length} template(s) could not be filled.` : ""}`
          : domains.length === 0
            ? "No content written: name an account (e.g. acme.com) or plan a campaign first."
            : `No content written for ${what}: no contactable contact, or no template could be filled from the CRM.`,
      proposals: [],
      handoffs: [...handoffs],
    };
  },
});

/** Renders one template for one contact; a fact the CRM lacks becomes a recorded refusal, not a guess. */
async function render(
  kit: AgentKit,
  templateId: ContentTemplateId,
  contact: AudienceContact,
  campaignId: string | undefined,
  campaignName: string | undefined,
  values: Record<string, string>,
  refusals: Refusal[],
): Promise<Draft | null> {
  try {
    const out = await kit.use(contentRender, {
      templateId,
      contactEmail: contact.email,
      campaignId,
      proposedCampaignName: campaignName,
      values,
    });
    return {
      templateId: out.templateId,
      channel: out.channel,
      persona: out.persona,
      contactEmail: contact.email,
      accountDomain: contact.accountDomain,
      subject: out.subject,
      body: out.body,
      contentHash: out.contentHash,
      facts: out.facts,
    };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    refusals.push({ templateId, target: contact.email, reason: error.message });
    return null;
  }
}

/** The first contact of each persona, executives first, so the drafts show each voice once. */
function onePerPersona(contacts: readonly AudienceContact[]): AudienceContact[] {
  return PERSONAS.flatMap((p) => contacts.find((c) => c.persona === p) ?? []);
}

/** Account domains named in a text ("acme.com", "ana@acme.com"), deduplicated, in order. */
function targetDomains(text: string): string[] {
  const found = text.match(/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [];
  return [...new Set(found.map((t) => accountKey(t)).filter((d): d is string => d !== null))];
}
