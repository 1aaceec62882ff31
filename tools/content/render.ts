import { createHash } from "node:crypto";
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
import { PERSONA_PAIN, PERSONAS, type Persona, personaOf } from "./persona.ts";
import { type ContentChannel, ContentTemplateId, contentTemplate, placeholdersOf } from "./templates.ts";

/** Namespaces whose facts come from the store; `values` may not supply them, so copy never invents a fact. */
const STORE_NAMESPACES = new Set(["contact", "account", "campaign", "reference", "persona"]);

/** The short content hash the guard uses for duplicates: sha256 of template id and body, 16 hex chars. */
export function contentHash(templateId: string, body: string): string {
  return createHash("sha256").update(`${templateId}\n${body}`).digest("hex").slice(0, 16);
}

/** Fills `{{key}}` slots from facts; returns the text and the keys it could not fill. */
export function fillPlaceholders(
  text: string,
  facts: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (_, key: string) => {
    const value = facts[key];
    if (value === undefined || value === "") {
      missing.add(key);
      return "";
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}

/** A CRM value made safe for copy: one line, no template braces, at most 200 characters. */
function clean(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.replace(/[{}]/g, "").replace(/\s+/g, " ").trim().slice(0, 200);
  return text === "" ? undefined : text;
}

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
}

/** Collects the facts a template can draw on from the contact, account, campaign and a won reference customer. */
async function gatherFacts(
  ctx: ToolContext,
  input: z.output<typeof Input>,
  needsReference: boolean,
): Promise<{ facts: Record<string, string | undefined>; persona: Persona }> {
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
  return {
    persona: persona ?? "manager",
    facts: {
      "contact.first_name": clean(contact?.first_name),
      "contact.last_name": clean(contact?.last_name),
      "contact.title": clean(contact?.title),
      "account.name": clean(account?.name),
      "account.domain": clean(account?.domain),
      "account.industry": clean(account?.industry),
      "account.country": clean(account?.country),
      "account.size_band": band === "unknown" ? undefined : band,
      "campaign.name": clean(campaign?.name ?? input.proposedCampaignName),
      "campaign.channel": clean(campaign?.channel),
      "reference.name": clean(reference?.name),
      "reference.industry": clean(reference?.industry),
      "persona.name": persona ?? undefined,
      "persona.pain": persona ? PERSONA_PAIN[persona] : undefined,
    },
  };
}

/** Renders a marketing template with real CRM fields; refuses when any placeholder would stay empty. */
export const contentRender = defineTool({
  name: "content_render",
  description:
    "Fill a marketing template (nurture email, webinar invite, case-study email, LinkedIn post, landing copy) with " +
    "real contact, account and campaign fields from the CRM. Returns subject, body, a content hash and the facts " +
    "used. Refuses when a placeholder cannot be filled from the CRM or `values`; it never invents a fact.",
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
    const { facts, persona } = await gatherFacts(
      ctx,
      input,
      needed.some((k) => k.startsWith("reference.")),
    );
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...facts, ...input.values })) if (v !== undefined) all[k] = v;
    const subject = fillPlaceholders(template.subject, all);
    const body = fillPlaceholders(template.body, all);
    const missing = [...new Set([...subject.missing, ...body.missing])];
    if (missing.length > 0) {
      throw new ToolError(
        "placeholder_unfilled",
        `Template ${template.id} needs ${missing.join(", ")}, which the CRM does not have for this request. ` +
          "Pass a contact or account that has them, supply non-CRM facts in values, or choose another template.",
        { details: { missing } },
      );
    }
    const used = Object.fromEntries(needed.map((k) => [k, all[k]!]));
    return {
      templateId: template.id,
      channel: template.channel,
      persona,
      subject: subject.text,
      body: body.text,
      contentHash: contentHash(template.id, body.text),
      facts: used,
    };
  },
});
