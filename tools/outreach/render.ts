import { ToolError } from "../../domain/errors.ts";
import { bdContactContext } from "../../store/queries/bd-crm.ts";
import { latestWonAccountInIndustry } from "../../store/queries/marketing-crm.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { PERSONA_PAIN, type Persona, personaOf } from "../content/persona.ts";
import { contentHash, fillPlaceholders } from "../content/render.ts";
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
}

/** A CRM value made safe for copy: one line, no template braces, at most 120 characters. */
export function cleanFact(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.replace(/[{}]/g, "").replace(/\s+/g, " ").trim().slice(0, 120);
  return text === "" ? undefined : text;
}

/** The facts a BD template can use for one contact (and optionally one opportunity's name). */
export async function bdFacts(
  ctx: ToolContext,
  email: string,
  opportunityName?: string,
): Promise<{ facts: Record<string, string | undefined>; persona: Persona; accountDomain: string | null }> {
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
  return {
    persona,
    accountDomain: account?.domain ?? null,
    facts: {
      "contact.first_name": cleanFact(contact.first_name),
      "account.name": cleanFact(account?.name),
      "account.industry": cleanFact(account?.industry),
      "account.size_band": band === "unknown" ? undefined : band,
      "reference.name": cleanFact(reference?.name),
      "opportunity.name": cleanFact(opportunityName),
      "persona.pain": PERSONA_PAIN[persona],
    },
  };
}

/** Fills one BD template from facts; throws a ToolError naming the facts the CRM lacks, never inventing one. */
export function renderBd(
  templateId: BdTemplateId,
  facts: Readonly<Record<string, string | undefined>>,
  persona: Persona,
): BdDraft {
  const template = bdTemplate(templateId);
  const known: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) known[k] = v;
  const subject = fillPlaceholders(template.subject, known);
  const body = fillPlaceholders(template.body, known);
  const missing = [...new Set([...subject.missing, ...body.missing])];
  if (missing.length > 0)
    throw new ToolError(
      "placeholder_unfilled",
      `Template ${templateId} needs ${missing.join(", ")}, which the CRM does not have; pick another template or contact.`,
      { details: { missing } },
    );
  const used = placeholdersOf(`${template.subject}\n${template.body}`);
  return {
    templateId,
    channel: template.channel,
    persona,
    subject: subject.text,
    body: body.text,
    contentHash: contentHash(templateId, body.text),
    facts: Object.fromEntries(used.map((k) => [k, known[k]!])),
  };
}
