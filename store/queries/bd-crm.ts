import type { Kysely, Selectable } from "kysely";
import type { AccountsTable, ContactsTable, Database, LeadsTable } from "../schema.ts";

/** An account row as BD reads it. */
export type BdAccount = Selectable<AccountsTable>;
/** A contact row as BD reads it. */
export type BdContact = Selectable<ContactsTable>;
/** A lead row as BD reads it. */
export type BdLead = Selectable<LeadsTable>;

const CLOSED = ["closed_won", "closed_lost"];

/** A contact with its account and newest lead, or undefined when the email is unknown. */
export async function bdContactContext(
  db: Kysely<Database>,
  email: string,
): Promise<{ contact: BdContact; account: BdAccount | undefined; lead: BdLead | undefined } | undefined> {
  const contact = await db
    .selectFrom("contacts")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!contact) return undefined;
  const account = contact.account_domain
    ? await db
        .selectFrom("accounts")
        .selectAll()
        .where("domain", "=", contact.account_domain)
        .executeTakeFirst()
    : undefined;
  const lead = await db
    .selectFrom("leads")
    .selectAll()
    .where("contact_email", "=", contact.email)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .executeTakeFirst();
  return { contact, account, lead };
}

/** Accounts whose domain or name matches a word (case-insensitive prefix of the domain, or the whole name). */
export async function bdAccountsNamed(db: Kysely<Database>, word: string): Promise<BdAccount[]> {
  const w = word.trim().toLowerCase();
  if (w === "") return [];
  return db
    .selectFrom("accounts")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("domain", "=", w),
        eb("domain", "like", `${w}.%`),
        eb(eb.fn("lower", ["name"]), "=", w),
        eb(eb.fn("lower", ["name"]), "like", `${w} %`),
      ]),
    )
    .orderBy("domain")
    .execute();
}

/** The contacts of one account, by email. */
export async function bdContactsOf(db: Kysely<Database>, domain: string): Promise<BdContact[]> {
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("account_domain", "=", domain)
    .orderBy("email")
    .execute();
}

/** Active BD sequences of a contact at `now`, oldest first. */
export async function bdActiveSequencesOf(
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<{ id: string; agent: string; startedAt: string; endsAt: string | null }[]> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom("sequences")
    .select(["id", "agent", "started_at", "ends_at"])
    .where("contact_email", "=", email)
    .where("cluster", "=", "bd")
    .where("status", "=", "active")
    .where("started_at", "<=", at)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .orderBy("started_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, agent: r.agent, startedAt: r.started_at, endsAt: r.ends_at }));
}

/** Open opportunities of one account, by id. */
export async function bdOpenOpportunitiesOf(
  db: Kysely<Database>,
  domain: string,
): Promise<{ id: string; stage: string; owner: string | null; amountCents: number }[]> {
  const rows = await db
    .selectFrom("opportunities")
    .select(["id", "stage", "owner", "amount_cents"])
    .where("account_domain", "=", domain)
    .where("stage", "not in", CLOSED)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, stage: r.stage, owner: r.owner, amountCents: Number(r.amount_cents) }));
}

/** Suppressions in force at `now` for an account as a whole (no contact), newest first. */
export async function bdAccountSuppressions(
  db: Kysely<Database>,
  domain: string,
  now: Date,
): Promise<{ reason: string }[]> {
  const at = now.toISOString();
  return db
    .selectFrom("suppressions")
    .select(["reason"])
    .where("account_domain", "=", domain)
    .where("contact_email", "is", null)
    .where("created_at", "<=", at)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
    .orderBy("id", "desc")
    .execute();
}

/** Emails with a contact-level suppression in force at `now`, among the given ones. */
export async function bdSuppressedEmails(
  db: Kysely<Database>,
  emails: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const at = now.toISOString();
  const rows = await db
    .selectFrom("suppressions")
    .select("contact_email")
    .where("contact_email", "in", [...emails])
    .where("created_at", "<=", at)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
    .execute();
  return new Set(rows.flatMap((r) => (r.contact_email ? [r.contact_email] : [])));
}

/** The last touch time (ISO) per contact of an account, up to `now`. */
export async function bdLastTouches(
  db: Kysely<Database>,
  domain: string,
  now: Date,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("touches")
    .select((eb) => ["contact_email", eb.fn.max("occurred_at").as("last")])
    .where("account_domain", "=", domain)
    .where("occurred_at", "<=", now.toISOString())
    .groupBy("contact_email")
    .execute();
  return new Map(rows.map((r) => [r.contact_email, String(r.last)]));
}
