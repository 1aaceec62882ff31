import { z } from "zod";
import { accountKey } from "../../domain/keys.ts";
import { contactsOfAccounts, suppressionsInForce } from "../../store/queries/marketing-crm.ts";
import { PERSONAS, type Persona, personaOf } from "../content/persona.ts";
import { defineTool } from "../tool.ts";

const Input = z.object({
  accountDomains: z
    .array(z.string().min(3))
    .min(1)
    .max(1_000)
    .describe("The audience accounts, by domain, as campaign_build_audience returned them"),
  personas: z
    .array(z.enum(PERSONAS))
    .optional()
    .describe("Only contacts of these personas (executive, manager, practitioner); omit for all"),
});

/** A contact that may be enrolled. */
export interface AudienceContact {
  email: string;
  accountDomain: string;
  firstName: string | null;
  title: string | null;
  persona: Persona;
  lifecycleStage: string;
}

/** Lists the contacts of audience accounts, skipping those marked do-not-contact, unsubscribed, bounced or suppressed. */
export const campaignAudienceContacts = defineTool({
  name: "campaign_audience_contacts",
  description:
    "List the contacts of campaign audience accounts with their persona, skipping (and listing with a reason) " +
    "contacts that are do-not-contact, unsubscribed, bounced or under a suppression. The conflict guard still " +
    "checks every enrolment.",
  schema: Input,
  async run(ctx, input) {
    const domains = [...new Set(input.accountDomains.map((d) => accountKey(d) ?? d.trim().toLowerCase()))];
    const rows = await contactsOfAccounts(ctx.db, domains);
    const suppressions = await suppressionsInForce(ctx.db, {
      emails: rows.map((r) => r.email),
      domains,
      now: ctx.now,
    });
    const byContact = new Map(
      suppressions.filter((s) => s.contactEmail).map((s) => [s.contactEmail, s.reason]),
    );
    const byAccount = new Map(
      suppressions.filter((s) => s.accountDomain && !s.contactEmail).map((s) => [s.accountDomain, s.reason]),
    );
    const contacts: AudienceContact[] = [];
    const skipped: { email: string; accountDomain: string; reason: string }[] = [];
    for (const row of rows) {
      const accountDomain = row.account_domain ?? "";
      const persona = personaOf(row.title);
      if (input.personas && !input.personas.includes(persona)) continue;
      const reason = row.do_not_contact
        ? "do_not_contact"
        : row.unsubscribed
          ? "unsubscribed"
          : row.bounced
            ? "bounced"
            : (byContact.get(row.email) ?? byAccount.get(accountDomain));
      if (reason) {
        skipped.push({ email: row.email, accountDomain, reason });
        continue;
      }
      contacts.push({
        email: row.email,
        accountDomain,
        firstName: row.first_name,
        title: row.title,
        persona,
        lifecycleStage: row.lifecycle_stage,
      });
    }
    return { contacts, skipped };
  },
});
