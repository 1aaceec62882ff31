import type { Kysely, Selectable } from "kysely";
import type { AccountsTable, CampaignsTable, ContactsTable, Database } from "../schema.ts";

/** An account row as marketing reads it. */
export type MarketingAccount = Selectable<AccountsTable>;
/** A contact row as marketing reads it. */
export type MarketingContact = Selectable<ContactsTable>;
/** A campaign row. */
export type MarketingCampaign = Selectable<CampaignsTable>;

const CLOSED = ["closed_won", "closed_lost"];

/** One contact by its (lower-cased) email, or undefined. */
export async function contactByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<MarketingContact | undefined> {
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

/** One account by domain, or undefined. */
export async function accountByDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<MarketingAccount | undefined> {
  return db
    .selectFrom("accounts")
    .selectAll()
    .where("domain", "=", domain.trim().toLowerCase())
    .executeTakeFirst();
}

/** One campaign by id, or undefined. */
export async function campaignById(db: Kysely<Database>, id: string): Promise<MarketingCampaign | undefined> {
  return db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Campaigns, newest first, optionally only those with one of the given statuses. */
export async function listCampaigns(
  db: Kysely<Database>,
  filter: { statuses?: readonly string[]; limit: number },
): Promise<MarketingCampaign[]> {
  let query = db.selectFrom("campaigns").selectAll();
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where("status", "in", [...filter.statuses]);
  return query.orderBy("created_at", "desc").orderBy("id").limit(filter.limit).execute();
}

/** The customer to cite: the account with the latest closed-won deal in an industry, other than `exclude`. */
export async function latestWonAccountInIndustry(
  db: Kysely<Database>,
  industry: string,
  exclude: string | null,
): Promise<MarketingAccount | undefined> {
  let query = db
    .selectFrom("accounts")
    .innerJoin("opportunities", "opportunities.account_domain", "accounts.domain")
    .selectAll("accounts")
    .where("accounts.industry", "=", industry)
    .where("opportunities.stage", "=", "closed_won");
  if (exclude) query = query.where("accounts.domain", "!=", exclude);
  // The first row only: without the limit SQLite sorts and returns every won account of the industry.
  return query
    .orderBy("opportunities.closed_at", "desc")
    .orderBy("accounts.domain")
    .limit(1)
    .executeTakeFirst();
}

/** Accounts matching a segment filter, by domain; every field is optional. */
export async function accountsInSegment(
  db: Kysely<Database>,
  filter: { industry?: string; minEmployees?: number; maxEmployees?: number | null; country?: string },
): Promise<MarketingAccount[]> {
  let query = db.selectFrom("accounts").selectAll();
  if (filter.industry)
    query = query.where((eb) => eb.fn("lower", ["industry"]), "=", filter.industry.toLowerCase());
  if (filter.minEmployees !== undefined) query = query.where("employees", ">=", filter.minEmployees);
  if (filter.maxEmployees !== undefined && filter.maxEmployees !== null)
    query = query.where("employees", "<=", filter.maxEmployees);
  if (filter.country) query = query.where("country", "=", filter.country.toUpperCase());
  return query.orderBy("domain").execute();
}

/** What makes BD the owner of accounts: their open opportunities and active BD sequences at `now`. */
export async function bdOwnershipFacts(
  db: Kysely<Database>,
  domains: readonly string[],
  now: Date,
): Promise<{
  openOpportunities: { id: string; accountDomain: string; owner: string | null; stage: string }[];
  activeSequences: { id: string; accountDomain: string; contactEmail: string; agent: string }[];
}> {
  if (domains.length === 0) return { openOpportunities: [], activeSequences: [] };
  const at = now.toISOString();
  const opportunities = await db
    .selectFrom("opportunities")
    .select(["id", "account_domain", "owner", "stage"])
    .where("account_domain", "in", [...domains])
    .where("stage", "not in", CLOSED)
    .where("created_at", "<=", at)
    .orderBy("id")
    .execute();
  const sequences = await db
    .selectFrom("sequences")
    .select(["id", "account_domain", "contact_email", "agent"])
    .where("account_domain", "in", [...domains])
    .where("cluster", "=", "bd")
    .where("status", "=", "active")
    .where("started_at", "<=", at)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .orderBy("id")
    .execute();
  return {
    openOpportunities: opportunities.map((o) => ({
      id: o.id,
      accountDomain: o.account_domain,
      owner: o.owner,
      stage: o.stage,
    })),
    activeSequences: sequences.map((s) => ({
      id: s.id,
      accountDomain: s.account_domain ?? "",
      contactEmail: s.contact_email,
      agent: s.agent,
    })),
  };
}

/** The contacts of some accounts, by account then email. */
export async function contactsOfAccounts(
  db: Kysely<Database>,
  domains: readonly string[],
): Promise<MarketingContact[]> {
  if (domains.length === 0) return [];
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("account_domain", "in", [...domains])
    .orderBy("account_domain")
    .orderBy("email")
    .execute();
}

/** Suppressions in force at `now` for any of these contacts or accounts. */
export async function suppressionsInForce(
  db: Kysely<Database>,
  keys: { emails: readonly string[]; domains: readonly string[]; now: Date },
): Promise<{ contactEmail: string | null; accountDomain: string | null; reason: string }[]> {
  if (keys.emails.length === 0 && keys.domains.length === 0) return [];
  const at = keys.now.toISOString();
  const rows = await db
    .selectFrom("suppressions")
    .select(["contact_email", "account_domain", "reason"])
    .where((eb) =>
      eb.or([
        ...(keys.emails.length ? [eb("contact_email", "in", [...keys.emails])] : []),
        ...(keys.domains.length ? [eb("account_domain", "in", [...keys.domains])] : []),
      ]),
    )
    .where("created_at", "<=", at)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    contactEmail: r.contact_email,
    accountDomain: r.account_domain,
    reason: r.reason,
  }));
}
