import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { contactKey, isFreeMailDomain } from "../../domain/keys.ts";
import {
  bdActiveSequencesOf,
  bdContactContext,
  bdLastTouches,
  bdOpenOpportunitiesOf,
} from "../../store/queries/bd-crm.ts";
import { sizeBandOf } from "../analytics/size-band.ts";
import { personaOf } from "../content/persona.ts";
import { defineTool } from "../tool.ts";

const Input = z.object({ email: z.string().min(3).describe("The lead's or contact's email") });

/** A lead with the context outreach needs: the contact, its account, BD's standing there and sequences running. */
export const crmLeadContext = defineTool({
  name: "crm_lead_context",
  description:
    "A lead or contact by email, with persona, free-mail flag, the account's industry, size band, open " +
    "opportunities and owner, the lead's status and scores, active BD sequences and days since the last touch.",
  schema: Input,
  async run(ctx, input) {
    const email = contactKey(input.email);
    if (!email)
      throw new ToolError(
        "email_invalid",
        `"${input.email}" is not an email address; pass the lead's email.`,
      );
    const found = await bdContactContext(ctx.db, email);
    if (!found) return { email, found: false as const };
    const { contact, account, lead } = found;
    const domain = email.slice(email.lastIndexOf("@") + 1);
    const touches = account
      ? await bdLastTouches(ctx.db, account.domain, ctx.now)
      : new Map<string, string>();
    const last = touches.get(email) ?? null;
    return {
      email,
      found: true as const,
      freeMail: isFreeMailDomain(domain),
      persona: personaOf(contact.title),
      crm: {
        firstName: contact.first_name,
        lastName: contact.last_name,
        title: contact.title,
        accountName: account?.name ?? null,
        industry: account?.industry ?? null,
        owner: account?.owner ?? null,
      },
      accountDomain: account?.domain ?? null,
      sizeBand: account ? sizeBandOf(account.employees) : null,
      flags: {
        doNotContact: contact.do_not_contact === 1,
        unsubscribed: contact.unsubscribed === 1,
        bounced: contact.bounced === 1,
      },
      lead: lead
        ? {
            id: lead.id,
            status: lead.status,
            source: lead.source,
            fit: lead.fit_score,
            engagement: lead.engagement_score,
          }
        : null,
      openOpportunities: account ? await bdOpenOpportunitiesOf(ctx.db, account.domain) : [],
      activeSequences: await bdActiveSequencesOf(ctx.db, email, ctx.now),
      daysSinceTouch: last === null ? null : Math.floor((ctx.now.getTime() - Date.parse(last)) / 86_400_000),
    };
  },
});
