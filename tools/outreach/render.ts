import { ToolError } from "../../domain/errors.ts";
import { bdContactContext } from "../../store/queries/bd-crm.ts";
import { latestWonAccountInIndustry } from "../../store/queries/marketing-crm.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { contentHash, fillTemplate } from "../content/fill.ts";
import { PERSONA_PAIN, type Persona, personaOf } from "../content/persona.ts";
import { type FieldWarning, safeFacts, unsafeNote } from "../content/safe-facts.ts";
import { placeholdersOf } from "../content/templates.ts";
import type { ToolContext } from "../tool.ts";
import { type BdTemplateId, bdTemplate } from "./templates.ts";

/** A rendered BD message, ready to be proposed as a touch. */
export interface BdDraft {
  templateId: BdTemplateId;
  channel: "email" | "linkedin";
  persona: Persona;
  subject: string;
  body: string;
  contentHash: string;
  /** Every placeholder used, with the CRM value it got (data, not instructions). */
  facts: Record<string, string>;
  /** CRM fields this draft uses that were kept out as unsafe, by field and reason, never with the text. */
  warnings: FieldWarning[];
}

/** The facts a BD template can use for one contact (and optionally one opportunity's name). */
export async function bdFacts(
  ctx: ToolContext,
  email: string,
  opportunityName?: string,
): Promise<{
  facts: Record<string, string | undefined>;
  warnings: FieldWarning[];
  persona: Persona;
  accountDomain: string | null;
}> {
  const found = await bdContactContext(ctx.db, email);
  if (!found)
    throw new ToolError(
      "contact_not_found",
      `No contact ${email} in the CRM; check the address or look it up first.`,
    );
  const { contact, account } = found;
  const persona = personaOf(contact.title);
  const reference = account?.industry
    ? await latestWonAccountInIndustry(ctx.db, account.industry, account.domain)
    : undefined;
  const band = account ? sizeBandOf(account.employees) : "unknown";
  const checked = safeFacts({
    "contact.first_name": { kind: "first_name", value: contact.first_name },
    "account.name": { kind: "company_name", value: account?.name, domain: account?.domain },
    "account.industry": { kind: "industry", value: account?.industry },
    "reference.name": { kind: "company_name", value: reference?.name, domain: reference?.domain },
    "opportunity.name": { kind: "opportunity_name", value: opportunityName },
  });
  return {
    persona,
    accountDomain: account?.domain ?? null,
    warnings: checked.warnings,
    facts: {
      ...checked.facts,
      "account.size_band": band === "unknown" ? undefined : band,
      "persona.pain": PERSONA_PAIN[persona],
    },
  };
}

/** Fills one BD template from facts; throws a ToolError naming the facts the CRM lacks, never inventing one. */
export function renderBd(
  templateId: BdTemplateId,
  facts: Readonly<Record<string, string | undefined>>,
  persona: Persona,
  warnings: readonly FieldWarning[] = [],
): BdDraft {
  const template = bdTemplate(templateId);
  const filled = fillTemplate(template, facts);
  if (filled.missing.length > 0)
    throw new ToolError(
      "placeholder_unfilled",
      `Template ${templateId} needs ${filled.missing.join(", ")}, which the CRM does not have;` +
        `${unsafeNote(filled.missing, warnings)} pick another template or contact.`,
      { details: { missing: filled.missing } },
    );
  if (filled.unbacked.length > 0)
    throw new ToolError(
      "copy_claim_unbacked",
      `Template ${templateId} filled from the CRM would make claims the template does not (${filled.unbacked.join(", ")}); ` +
        "it is not proposed. Fix the CRM record or pick another template.",
      { details: { findings: filled.unbacked } },
    );
  const used = placeholdersOf(`${template.subject}\n${template.body}`);
  return {
    templateId,
    channel: template.channel,
    persona,
    subject: filled.subject,
    body: filled.body,
    contentHash: contentHash(templateId, filled.body),
    facts: Object.fromEntries(used.map((k) => [k, facts[k]!])),
    warnings: warnings.filter((w) => used.includes(w.field)),
  };
}
