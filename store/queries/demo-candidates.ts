import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** What the demo stream draws its events from, each list in a stable order. */
export interface DemoCandidates {
  /** Leads marketing has qualified (mql/sql/qualified), by email. */
  qualifiedLeads: string[];
  /** Newer leads not yet qualified, by email. */
  newLeads: string[];
  /** Accounts by domain, with whether BD owns them. */
  accounts: { domain: string; owned: boolean; industry: string | null }[];
  /** Open opportunities, by id, with their stage. */
  openOpportunities: { id: string; stage: string }[];
  /** Contacts that are suppressed, for events that must be stopped by the guard. */
  suppressedContacts: string[];
}

/** Reads the demo's candidate entities in one pass; the order is by key so the stream is reproducible. */
export async function demoCandidates(db: Kysely<Database>): Promise<DemoCandidates> {
  const leads = await db.selectFrom("leads").select(["contact_email", "status"]).orderBy("id").execute();
  const accounts = await db
    .selectFrom("accounts")
    .select(["domain", "owner", "industry"])
    .orderBy("domain")
    .execute();
  const opportunities = await db
    .selectFrom("opportunities")
    .select(["id", "stage"])
    .where("stage", "not in", ["closed_won", "closed_lost"])
    .orderBy("id")
    .execute();
  const suppressed = await db
    .selectFrom("contacts")
    .select("email")
    .where((eb) => eb.or([eb("do_not_contact", "=", 1), eb("unsubscribed", "=", 1), eb("bounced", "=", 1)]))
    .orderBy("email")
    .execute();
  return {
    qualifiedLeads: leads
      .filter((l) => ["mql", "sql", "qualified"].includes(l.status))
      .map((l) => l.contact_email),
    newLeads: leads.filter((l) => ["new", "working"].includes(l.status)).map((l) => l.contact_email),
    accounts: accounts.map((a) => ({ domain: a.domain, owned: a.owner !== null, industry: a.industry })),
    openOpportunities: opportunities.map((o) => ({ id: o.id, stage: o.stage })),
    suppressedContacts: suppressed.map((s) => s.email),
  };
}

/** The stream index after the last demo event accepted for this seed: where the next demo run continues. */
export async function nextDemoIndex(db: Kysely<Database>, seed: number): Promise<number> {
  const prefix = `event:demo-${seed}-`;
  const rows = await db
    .selectFrom("runs")
    .select("request_key")
    .where("request_key", "like", `${prefix}%`)
    .execute();
  let next = 0;
  for (const row of rows) {
    const index = Number.parseInt(row.request_key.slice(prefix.length), 10);
    if (Number.isInteger(index) && index + 1 > next) next = index + 1;
  }
  return next;
}
