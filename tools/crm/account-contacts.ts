import { z } from "zod";
import { accountKey } from "../../domain/keys.ts";
import {
  bdAccountsNamed,
  bdContactsOf,
  bdLastTouches,
  bdSuppressedEmails,
} from "../../store/queries/bd-crm.ts";
import { type Persona, personaOf } from "../content/persona.ts";
import { defineTool } from "../tool.ts";

/** One contact at an account, as BD picks whom to write to. */
export interface AccountContact {
  email: string;
  accountDomain: string;
  persona: Persona;
  crm: { firstName: string | null; title: string | null };
  /** False when do-not-contact, unsubscribed, bounced or suppressed: nobody should write to them. */
  reachable: boolean;
  lastTouchAt: string | null;
}

const RANK: Readonly<Record<Persona, number>> = { executive: 0, manager: 1, practitioner: 2 };

/** The contact to work a deal through: reachable, most recently touched, then most senior, then by email. */
export function mainContact(contacts: readonly AccountContact[]): AccountContact | undefined {
  return contacts
    .filter((c) => c.reachable)
    .sort(
      (a, b) =>
        (b.lastTouchAt ?? "").localeCompare(a.lastTouchAt ?? "") ||
        RANK[a.persona] - RANK[b.persona] ||
        a.email.localeCompare(b.email),
    )[0];
}

const Input = z.object({
  account: z
    .string()
    .min(2)
    .describe("The account: a domain like acme.com, or a company name like Acme (whole name or first word)"),
});

/** The contacts of an account with persona, reachability and last touch, found by domain or by name. */
export const crmAccountContacts = defineTool({
  name: "crm_account_contacts",
  description:
    "An account's contacts (by domain or company name) with persona, whether they may be contacted and the " +
    "last touch; `accounts` lists every account the name matched.",
  schema: Input,
  async run(ctx, input) {
    const domain = accountKey(input.account);
    const accounts = domain
      ? await bdAccountsNamed(ctx.db, domain)
      : await bdAccountsNamed(ctx.db, input.account.replace(/['’]s$/i, ""));
    const contacts: AccountContact[] = [];
    for (const account of accounts.slice(0, 5)) {
      const rows = await bdContactsOf(ctx.db, account.domain);
      const suppressed = await bdSuppressedEmails(
        ctx.db,
        rows.map((r) => r.email),
        ctx.now,
      );
      const touches = await bdLastTouches(ctx.db, account.domain, ctx.now);
      for (const r of rows) {
        contacts.push({
          email: r.email,
          accountDomain: account.domain,
          persona: personaOf(r.title),
          crm: { firstName: r.first_name, title: r.title },
          reachable: !(r.do_not_contact || r.unsubscribed || r.bounced || suppressed.has(r.email)),
          lastTouchAt: touches.get(r.email) ?? null,
        });
      }
    }
    return { accounts: accounts.map((a) => ({ domain: a.domain, name: a.name })), contacts };
  },
});
