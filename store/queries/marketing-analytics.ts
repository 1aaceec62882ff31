import type { Kysely } from "kysely";
import type { OpportunityFacts, StageEntry } from "../../domain/metrics/index.ts";
import { parseStage } from "../../domain/pipeline/index.ts";
import type { Database } from "../schema.ts";

/** A half-open time range `(from, to]`, as the KPI windows use. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** Every opportunity as metrics facts, with its stage history and its account's industry and size. */
export async function opportunityFactsWithAccounts(
  db: Kysely<Database>,
): Promise<(OpportunityFacts & { industry: string | null; employees: number | null })[]> {
  const rows = await db
    .selectFrom("opportunities")
    .leftJoin("accounts", "accounts.domain", "opportunities.account_domain")
    .select([
      "opportunities.id",
      "opportunities.account_domain",
      "opportunities.amount_cents",
      "opportunities.stage",
      "opportunities.created_at",
      "opportunities.closed_at",
      "accounts.industry",
      "accounts.employees",
    ])
    .orderBy("opportunities.id")
    .execute();
  const history = await db
    .selectFrom("opportunity_stage_history")
    .select(["opportunity_id", "to_stage", "entered_at"])
    .orderBy("opportunity_id")
    .orderBy("entered_at")
    .orderBy("id")
    .execute();
  const entries = new Map<string, StageEntry[]>();
  for (const h of history) {
    const stage = parseStage(h.to_stage);
    if (stage === null) continue;
    entries.set(h.opportunity_id, [
      ...(entries.get(h.opportunity_id) ?? []),
      { stage, enteredAt: new Date(h.entered_at) },
    ]);
  }
  // A row whose stage the pipeline does not know cannot be measured; it is left out rather than guessed.
  return rows.flatMap((r) => {
    const stage = parseStage(r.stage);
    if (stage === null) return [];
    return [
      {
        id: r.id,
        accountDomain: r.account_domain,
        amountCents: Number(r.amount_cents),
        stage,
        createdAt: new Date(r.created_at),
        closedAt: r.closed_at ? new Date(r.closed_at) : null,
        stageHistory: entries.get(r.id) ?? [],
        industry: r.industry ?? null,
        employees: r.employees ?? null,
      },
    ];
  });
}

/** Closed-won deals with a close time, counted and summed per account industry and employee count. */
export interface WonDealSums {
  industry: string | null;
  employees: number | null;
  wonDeals: number;
  wonCents: number;
}

/**
 * The won deals (closed_won with a close time) summed in SQL per (industry, employees) of their account, over
 * the (stage, closed_at) index: a few rows per segment, whatever the number of opportunities.
 */
export async function wonDealSums(db: Kysely<Database>): Promise<WonDealSums[]> {
  const rows = await db
    .selectFrom("opportunities")
    .leftJoin("accounts", "accounts.domain", "opportunities.account_domain")
    .select((eb) => [
      "accounts.industry",
      "accounts.employees",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("opportunities.amount_cents").as("cents"),
    ])
    .where("opportunities.stage", "=", "closed_won")
    .where("opportunities.closed_at", "is not", null)
    .where("opportunities.closed_at", "!=", "")
    .groupBy(["accounts.industry", "accounts.employees"])
    .orderBy("accounts.industry")
    .orderBy("accounts.employees")
    .execute();
  return rows.map((r) => ({
    industry: r.industry ?? null,
    employees: r.employees ?? null,
    wonDeals: Number(r.n),
    wonCents: Number(r.cents),
  }));
}

/** Contacts per lifecycle stage. */
export async function lifecycleCounts(db: Kysely<Database>): Promise<{ stage: string; count: number }[]> {
  const rows = await db
    .selectFrom("contacts")
    .select((eb) => ["lifecycle_stage", eb.fn.countAll<number>().as("n")])
    .groupBy("lifecycle_stage")
    .orderBy("lifecycle_stage")
    .execute();
  return rows.map((r) => ({ stage: r.lifecycle_stage, count: Number(r.n) }));
}

/** Leads per status. */
export async function leadStatusCounts(db: Kysely<Database>): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom("leads")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .orderBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

/** The raw KPI counts of one window `(from, to]`: touches by channel, leads, MQLs, opportunities, won deals. */
export async function kpiCounts(
  db: Kysely<Database>,
  range: TimeRange,
): Promise<{
  touchesByChannel: Map<string, number>;
  leadsCreated: number;
  mqlsCreated: number;
  opportunitiesCreated: number;
  dealsWon: number;
  wonRevenueCents: number;
}> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const touches = await db
    .selectFrom("touches")
    .select((eb) => ["channel", eb.fn.countAll<number>().as("n")])
    .where("occurred_at", ">", from)
    .where("occurred_at", "<=", to)
    .groupBy("channel")
    .orderBy("channel")
    .execute();
  const leads = await db
    .selectFrom("leads")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("created_at", ">", from)
    .where("created_at", "<=", to)
    .executeTakeFirstOrThrow();
  const mqls = await db
    .selectFrom("leads")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("qualified_at", ">", from)
    .where("qualified_at", "<=", to)
    .executeTakeFirstOrThrow();
  const opportunities = await db
    .selectFrom("opportunities")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("created_at", ">", from)
    .where("created_at", "<=", to)
    .executeTakeFirstOrThrow();
  const won = await db
    .selectFrom("opportunities")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("amount_cents").as("cents")])
    .where("stage", "=", "closed_won")
    .where("closed_at", ">", from)
    .where("closed_at", "<=", to)
    .executeTakeFirstOrThrow();
  return {
    touchesByChannel: new Map(touches.map((t) => [t.channel, Number(t.n)])),
    leadsCreated: Number(leads.n),
    mqlsCreated: Number(mqls.n),
    opportunitiesCreated: Number(opportunities.n),
    dealsWon: Number(won.n),
    wonRevenueCents: Number(won.cents ?? 0),
  };
}

/** Everything lead scoring reads for one email: the contact, its account, its newest lead and its touches up to `now`. */
export async function leadScoringFacts(
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<
  | {
      contact: { email: string; title: string | null; accountDomain: string | null; lifecycleStage: string };
      account: { industry: string | null; employees: number | null; country: string | null } | null;
      lead: { id: string; status: string; source: string | null; createdAt: string } | null;
      touches: { channel: string; occurredAt: string }[];
    }
  | undefined
> {
  const contact = await db.selectFrom("contacts").selectAll().where("email", "=", email).executeTakeFirst();
  if (!contact) return undefined;
  const account = contact.account_domain
    ? await db
        .selectFrom("accounts")
        .select(["industry", "employees", "country"])
        .where("domain", "=", contact.account_domain)
        .executeTakeFirst()
    : undefined;
  const lead = await db
    .selectFrom("leads")
    .select(["id", "status", "source", "created_at"])
    .where("contact_email", "=", email)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const touches = await db
    .selectFrom("touches")
    .select(["channel", "occurred_at"])
    .where("contact_email", "=", email)
    .where("occurred_at", "<=", now.toISOString())
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  return {
    contact: {
      email: contact.email,
      title: contact.title,
      accountDomain: contact.account_domain,
      lifecycleStage: contact.lifecycle_stage,
    },
    account: account ?? null,
    lead: lead ? { id: lead.id, status: lead.status, source: lead.source, createdAt: lead.created_at } : null,
    touches: touches.map((t) => ({ channel: t.channel, occurredAt: t.occurred_at })),
  };
}

/** The inputs of attribution for deals won in `(from, to]`: the deals, their accounts' touches in the year before close, and those accounts' contacts. */
export async function attributionInputs(
  db: Kysely<Database>,
  range: { from: Date | null; to: Date },
  lookbackDays: number,
): Promise<{
  deals: { id: string; accountDomain: string; amountCents: number; createdAt: Date; closedAt: Date }[];
  touches: {
    id: string;
    contactEmail: string;
    accountDomain: string | null;
    channel: string;
    campaign: string | null;
    agent: string | null;
    occurredAt: Date;
  }[];
  contacts: { email: string; accountDomain: string | null; createdAt: Date }[];
}> {
  let query = db
    .selectFrom("opportunities")
    .select(["id", "account_domain", "amount_cents", "created_at", "closed_at"])
    .where("stage", "=", "closed_won")
    .where("closed_at", "is not", null)
    .where("closed_at", "<=", range.to.toISOString());
  if (range.from) query = query.where("closed_at", ">", range.from.toISOString());
  const deals = (await query.orderBy("closed_at").orderBy("id").execute()).map((d) => ({
    id: d.id,
    accountDomain: d.account_domain,
    amountCents: Number(d.amount_cents),
    createdAt: new Date(d.created_at),
    closedAt: new Date(d.closed_at!),
  }));
  if (deals.length === 0) return { deals, touches: [], contacts: [] };
  const domains = [...new Set(deals.map((d) => d.accountDomain))];
  const earliest = Math.min(...deals.map((d) => d.closedAt.getTime())) - lookbackDays * 86_400_000;
  const latest = Math.max(...deals.map((d) => d.closedAt.getTime()));
  const touches = await db
    .selectFrom("touches")
    .select(["id", "contact_email", "account_domain", "channel", "campaign", "agent", "occurred_at"])
    .where("account_domain", "in", domains)
    .where("occurred_at", ">=", new Date(earliest).toISOString())
    .where("occurred_at", "<=", new Date(latest).toISOString())
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  const contacts = await db
    .selectFrom("contacts")
    .select(["email", "account_domain", "created_at"])
    .where("account_domain", "in", domains)
    .orderBy("email")
    .execute();
  return {
    deals,
    touches: touches.map((t) => ({
      id: t.id,
      contactEmail: t.contact_email,
      accountDomain: t.account_domain,
      channel: t.channel,
      campaign: t.campaign,
      agent: t.agent,
      occurredAt: new Date(t.occurred_at),
    })),
    contacts: contacts.map((c) => ({
      email: c.email,
      accountDomain: c.account_domain,
      createdAt: new Date(c.created_at),
    })),
  };
}
