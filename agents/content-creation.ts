import { z } from "zod";
import { ToolError } from "../domain/errors.ts";
import { accountKey } from "../domain/keys.ts";
import { type AudienceContact, campaignAudienceContacts } from "../tools/campaigns/audience-contacts.ts";
import { PERSONAS } from "../tools/content/persona.ts";
import { contentRender } from "../tools/content/render.ts";
import { FieldWarning } from "../tools/content/safe-facts.ts";
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
type Warning = NonNullable<ContentArtefact["warnings"]>[number];

/** How many contacts of one persona are tried before the persona goes without a draft. */
export const CONTACTS_TRIED_PER_PERSONA = 5;

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
    const warnings: Warning[] = [];
    const notes = { refusals, warnings };
    if (domains.length > 0) {
      const { contacts } = await kit.use(campaignAudienceContacts, { accountDomains: domains.slice(0, 200) });
      // A contact whose fields cannot fill the template (no title, say) does not cost the persona its draft.
      for (const candidates of byPersona(contacts)) {
        for (const contact of candidates.slice(0, CONTACTS_TRIED_PER_PERSONA)) {
          const draft =
            (await render(kit, template, contact, campaignId, campaign?.name, values, notes)) ??
            (template !== "nurture-email"
              ? await render(kit, "nurture-email", contact, campaignId, campaign?.name, values, notes)
              : null);
          if (draft) {
            drafts.push(draft);
            break;
          }
        }
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
          notes,
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
      artefact: { campaignId: campaignId ?? null, drafts, refusals, warnings: dedupe(warnings) },
      summary:
        drafts.length > 0
          ? `Wrote ${drafts.length} draft(s) for ${what} (${[...new Set(drafts.map((d) => d.templateId))].join(", ")}), ` +
            `personas: ${drafts.map((d) => d.persona).join(", ")}.${refusals.length ? ` ${refusals.length} template(s) could not be filled.` : ""}` +
            `${warnings.length ? ` ${warnings.length} CRM field(s) kept out of the copy as unsafe.` : ""}`
          : domains.length === 0
            ? "No content written: name an account (e.g. acme.com) or plan a campaign first."
            : `No content written for ${what}: no contactable contact, or no template could be filled from the CRM.`,
      proposals: [],
      handoffs: [...handoffs],
    };
  },
});

/** Renders one template for one contact; a fact the CRM lacks becomes a recorded refusal, not a guess, and a field
 * kept out as unsafe becomes a warning. */
async function render(
  kit: AgentKit,
  templateId: ContentTemplateId,
  contact: AudienceContact,
  campaignId: string | undefined,
  campaignName: string | undefined,
  values: Record<string, string>,
  notes: { refusals: Refusal[]; warnings: Warning[] },
): Promise<Draft | null> {
  try {
    const out = await kit.use(contentRender, {
      templateId,
      contactEmail: contact.email,
      campaignId,
      proposedCampaignName: campaignName,
      values,
    });
    notes.warnings.push(...out.warnings.map((w) => ({ ...w, target: contact.email })));
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
    notes.refusals.push({ templateId, target: contact.email, reason: error.message });
    const unsafe = z.array(FieldWarning).safeParse(error.details.warnings);
    if (unsafe.success) notes.warnings.push(...unsafe.data.map((w) => ({ ...w, target: contact.email })));
    return null;
  }
}

/** The contacts of each persona in order, executives first, so the drafts show each voice once. */
function byPersona(contacts: readonly AudienceContact[]): AudienceContact[][] {
  return PERSONAS.map((p) => contacts.filter((c) => c.persona === p)).filter((group) => group.length > 0);
}

/** Warnings without repeats: a field of one contact is reported once, even when two templates used it. */
function dedupe(warnings: readonly Warning[]): Warning[] {
  const seen = new Map<string, Warning>();
  for (const w of warnings) seen.set(`${w.target}\n${w.field}`, seen.get(`${w.target}\n${w.field}`) ?? w);
  return [...seen.values()];
}

/** Account domains named in a text ("acme.com", "ana@acme.com"), deduplicated, in order. */
function targetDomains(text: string): string[] {
  const found = text.match(/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [];
  return [...new Set(found.map((t) => accountKey(t)).filter((d): d is string => d !== null))];
}
