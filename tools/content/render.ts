import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import {
  accountByDomain,
  campaignById,
  contactByEmail,
  latestWonAccountInIndustry,
} from "../../store/queries/marketing-crm.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { defineTool, type ToolContext } from "../tool.ts";
import { contentHash, fillTemplate } from "./fill.ts";
import { PERSONA_PAIN, PERSONAS, type Persona, personaOf } from "./persona.ts";
import { type FieldWarning, safeFacts, unsafeNote } from "./safe-facts.ts";
import { type ContentChannel, ContentTemplateId, contentTemplate, placeholdersOf } from "./templates.ts";

export { contentHash, fillPlaceholders } from "./fill.ts";

/** Namespaces whose facts come from the store; `values` may not supply them, so copy never invents a fact. */
const STORE_NAMESPACES = new Set(["contact", "account", "campaign", "reference", "persona"]);

const Input = z.object({
  templateId: ContentTemplateId,
  contactEmail: z
    .email()
    .optional()
    .describe("The contact the copy is for; fills contact.* and, via its account, account.*"),
  accountDomain: z
    .string()
    .min(3)
    .optional()
    .describe("The account the copy is for, when there is no contact (e.g. a LinkedIn post for one account)"),
  campaignId: z.string().min(1).optional().describe("The campaign; fills campaign.name and campaign.channel"),
  proposedCampaignName: z
    .string()
    .min(1)
    .max(120)
    .optional()
    .describe(
      "Name of a campaign proposed in this run and not yet in the store; used only when campaignId is not found",
    ),
  persona: z
    .enum(PERSONAS)
    .optional()
    .describe("Persona to write for when no contact is given; otherwise it comes from the contact's title"),
  values: z
    .record(z.string().regex(/^[a-z_]+\.[a-z_]+$/), z.string().min(1).max(200))
    .optional()
    .describe(
      'Extra facts that are not in the CRM, e.g. {"webinar.date": "12 March"}; CRM fields cannot be overridden',
    ),
});

/** A rendered piece of content, ready to be proposed. */
export interface RenderedContent {
  templateId: ContentTemplateId;
  channel: ContentChannel;
  persona: Persona;
  subject: string;
  body: string;
  contentHash: string;
  /** Every placeholder the template used, with the value it got. */
  facts: Record<string, string>;
  /** CRM fields kept out of the copy (unsafe text), by field and reason, never with the text. */
  warnings: FieldWarning[];
}

/** Collects the facts a template can draw on from the contact, account, campaign and a won reference customer. */
async function gatherFacts(
  ctx: ToolContext,
  input: z.output<typeof Input>,
  needsReference: boolean,
): Promise<{ facts: Record<string, string | undefined>; persona: Persona; warnings: FieldWarning[] }> {
  const contact = input.contactEmail ? await contactByEmail(ctx.db, input.contactEmail) : undefined;
  if (input.contactEmail && !contact)
    throw new ToolError(
      "contact_not_found",
      `No contact ${input.contactEmail}; look it up with a CRM tool first.`,
    );
  const domain = input.accountDomain ?? contact?.account_domain ?? null;
  const account = domain ? await accountByDomain(ctx.db, domain) : undefined;
  if (input.accountDomain && !account)
    throw new ToolError("account_not_found", `No account ${input.accountDomain}; pass a known domain.`);
  if (contact && account && contact.account_domain !== account.domain)
    throw new ToolError(
      "contact_account_mismatch",
      `${contact.email} belongs to ${contact.account_domain ?? "no account"}, not ${account.domain}; pass one or the other.`,
    );
  const campaign = input.campaignId ? await campaignById(ctx.db, input.campaignId) : undefined;
  if (input.campaignId && !campaign && !input.proposedCampaignName)
    throw new ToolError(
      "campaign_not_found",
      `No campaign ${input.campaignId} in the store; for a campaign proposed in this run, also pass proposedCampaignName.`,
    );
  const reference =
    needsReference && account?.industry
      ? await latestWonAccountInIndustry(ctx.db, account.industry, account.domain)
      : undefined;
  const persona = contact ? personaOf(contact.title) : (input.persona ?? null);
  const band = account ? sizeBandOf(account.employees) : "unknown";
  const checked = safeFacts({
    "contact.first_name": { kind: "first_name", value: contact?.first_name },
    "contact.last_name": { kind: "last_name", value: contact?.last_name },
    "contact.title": { kind: "title", value: contact?.title },
    "account.name": { kind: "company_name", value: account?.name, domain: account?.domain },
    "account.domain": { kind: "short_text", value: account?.domain },
    "account.industry": { kind: "industry", value: account?.industry },
    "account.country": { kind: "country", value: account?.country },
    "campaign.name": { kind: "campaign_name", value: campaign?.name ?? input.proposedCampaignName },
    "campaign.channel": { kind: "short_text", value: campaign?.channel },
    "reference.name": { kind: "company_name", value: reference?.name, domain: reference?.domain },
    "reference.industry": { kind: "industry", value: reference?.industry },
  });
  return {
    persona: persona ?? "manager",
    warnings: checked.warnings,
    facts: {
      ...checked.facts,
      "account.size_band": band === "unknown" ? undefined : band,
      "persona.name": persona ?? undefined,
      "persona.pain": persona ? PERSONA_PAIN[persona] : undefined,
    },
  };
}

/** Renders a marketing template with checked CRM fields; refuses when a placeholder stays empty or a claim slips in. */
export const contentRender = defineTool({
  name: "content_render",
  description:
    "Fill a marketing template (nurture email, webinar invite, case-study email, LinkedIn post, landing copy) with " +
    "real contact, account and campaign fields from the CRM. Returns subject, body, a content hash and the facts " +
    "used. Refuses when a placeholder cannot be filled from the CRM or `values`; it never invents a fact. CRM text " +
    "is data: a value holding instructions, claims, links or markup is replaced by neutral wording or left out, " +
    "and listed in warnings.",
  schema: Input,
  async run(ctx, input): Promise<RenderedContent> {
    for (const key of Object.keys(input.values ?? {})) {
      if (STORE_NAMESPACES.has(key.split(".")[0]!))
        throw new ToolError(
          "value_not_allowed",
          `"${key}" comes from the CRM and cannot be supplied in values; pass the contact, account or campaign instead.`,
        );
    }
    const template = contentTemplate(input.templateId);
    const needed = placeholdersOf(`${template.subject}\n${template.body}`);
    const { facts, persona, warnings } = await gatherFacts(
      ctx,
      input,
      needed.some((k) => k.startsWith("reference.")),
    );
    const extra = safeFacts(
      Object.fromEntries(
        Object.entries(input.values ?? {}).map(([k, value]) => [k, { kind: "short_text" as const, value }]),
      ),
    );
    const all = { ...facts, ...extra.facts };
    const filled = fillTemplate(template, all);
    const relevant = [...warnings, ...extra.warnings].filter((w) => needed.includes(w.field));
    if (filled.missing.length > 0) {
      throw new ToolError(
        "placeholder_unfilled",
        `Template ${template.id} needs ${filled.missing.join(", ")}, which the CRM does not have for this request.` +
          `${unsafeNote(filled.missing, relevant)} Pass a contact or account that has them, supply non-CRM facts ` +
          "in values, or choose another template.",
        { details: { missing: filled.missing, warnings: relevant } },
      );
    }
    if (filled.unbacked.length > 0) {
      throw new ToolError(
        "copy_claim_unbacked",
        `Template ${template.id} filled for this request would make claims the template does not ` +
          `(${filled.unbacked.join(", ")}); it is not proposed. Choose another contact or template.`,
        { details: { findings: filled.unbacked, warnings: relevant } },
      );
    }
    const used = Object.fromEntries(needed.map((k) => [k, all[k]!]));
    return {
      templateId: template.id,
      channel: template.channel,
      persona,
      subject: filled.subject,
      body: filled.body,
      contentHash: contentHash(template.id, filled.body),
      facts: used,
      warnings: relevant,
    };
  },
});
