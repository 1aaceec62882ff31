import pino from "pino";
import { openStore, type Store } from "../../store/db.ts";
import type { ToolContext } from "../tool.ts";

/** The clock every BD fixture row is relative to. */
export const BD_NOW = new Date("2026-03-02T12:00:00.000Z");

/** An ISO time `n` days before the fixture clock. */
export const bdDaysAgo = (n: number) => new Date(BD_NOW.getTime() - n * 86_400_000).toISOString();

/** A temp in-memory store with the BD fixture and a tool context on its clock. */
export async function bdStore(): Promise<{ store: Store; ctx: ToolContext; close: () => Promise<void> }> {
  const store = await openStore(":memory:");
  await seedBdFixture(store);
  const ctx: ToolContext = { db: store.db, now: BD_NOW, logger: pino({ level: "silent" }) };
  return { store, ctx, close: () => store.close() };
}

/**
 * A small CRM every BD test reasons about (fit = industry + size + market + best title):
 * - acme.com SaaS 800 US, fit 100 (CFO); 4 touches in the last 14 days, 1 before: a spike, no deal.
 * - hooli.com SaaS 700 US, fit 95; won $30k and $60k; open negotiation $90k, touched 2 days ago; spike;
 *   hank is in active sequence seq-hank.
 * - globex.com Fintech 2500 US, owned, fit 83; proposal $48k in stage 40 days, last touch 20 days ago.
 * - initech.com Manufacturing 300 GB, fit 60; negotiation $25k for 70 days, last touch 50 days ago, only
 *   contact unsubscribed.
 * - umbrella.com Healthcare 150 FR, fit 58; 3 recent touches, none before: a spike, no won deal in Healthcare.
 * - vandelay.com Retail 40 BR, fit 16; 3 recent touches against 2 before: no spike.
 * - stark.com SaaS 900 US, fit 100, suppressed as an account; 3 recent touches.
 * - wayne.com Logistics 5000 US, fit 80; won $120k; open discovery $50k.
 * - joe@gmail.com: a free-mail lead with no account.
 */
export async function seedBdFixture(store: Store): Promise<void> {
  const db = store.db;
  const account = (
    domain: string,
    name: string,
    industry: string,
    employees: number,
    country: string,
    owner: string | null = null,
  ) => ({
    domain,
    name,
    industry,
    employees,
    country,
    owner,
    created_at: bdDaysAgo(400),
    updated_at: bdDaysAgo(400),
  });
  await db
    .insertInto("accounts")
    .values([
      account("acme.com", "Acme", "SaaS", 800, "US"),
      account("hooli.com", "Hooli", "SaaS", 700, "US"),
      account("globex.com", "Globex", "Fintech", 2500, "US", "Dana Whitfield"),
      account("initech.com", "Initech", "Manufacturing", 300, "GB"),
      account("umbrella.com", "Umbrella Health", "Healthcare", 150, "FR"),
      account("vandelay.com", "Vandelay Imports", "Retail", 40, "BR"),
      account("stark.com", "Stark Labs", "SaaS", 900, "US"),
      account("wayne.com", "Wayne Logistics", "Logistics", 5000, "US"),
    ])
    .execute();

  const contact = (email: string, first: string, title: string, flags: { dnc?: 1; unsub?: 1 } = {}) => ({
    email,
    first_name: first,
    last_name: "Doe",
    title,
    account_domain: email.endsWith("@gmail.com") ? null : email.split("@")[1]!,
    lifecycle_stage: "mql",
    do_not_contact: flags.dnc ?? (0 as const),
    unsubscribed: flags.unsub ?? (0 as const),
    bounced: 0 as const,
    created_at: bdDaysAgo(200),
    updated_at: bdDaysAgo(200),
  });
  await db
    .insertInto("contacts")
    .values([
      contact("ana@acme.com", "Ana", "Marketing Manager"),
      contact("carl@acme.com", "Carl", "Chief Financial Officer"),
      contact("sam@acme.com", "Sam", "Operations Manager", { dnc: 1 }),
      contact("hank@hooli.com", "Hank", "VP Sales"),
      contact("bea@globex.com", "Bea", "Procurement Manager"),
      contact("ivan@initech.com", "Ivan", "Operations Lead", { unsub: 1 }),
      contact("una@umbrella.com", "Una", "Director of Sales"),
      contact("art@vandelay.com", "Art", "Buyer"),
      contact("tony@stark.com", "Tony", "CEO"),
      contact("bruce@wayne.com", "Bruce", "Head of Revenue"),
      contact("joe@gmail.com", "Joe", "Consultant"),
    ])
    .execute();
  await db
    .insertInto("suppressions")
    .values({
      contact_email: null,
      account_domain: "stark.com",
      reason: "objection",
      note: "legal hold",
      created_at: bdDaysAgo(10),
      expires_at: null,
    })
    .execute();
  await db
    .insertInto("sequences")
    .values({
      id: "seq-hank",
      contact_email: "hank@hooli.com",
      account_domain: "hooli.com",
      agent: "lead-engagement",
      cluster: "bd",
      status: "active",
      started_at: bdDaysAgo(3),
      ends_at: null,
    })
    .execute();

  const lead = (email: string, fit: number, engagement: number) => ({
    id: `lead-${email.split("@")[0]}`,
    contact_email: email,
    account_domain: email.endsWith("@gmail.com") ? null : email.split("@")[1]!,
    source: "webinar",
    status: "mql",
    fit_score: fit,
    engagement_score: engagement,
    created_at: bdDaysAgo(30),
    qualified_at: bdDaysAgo(1),
    updated_at: bdDaysAgo(1),
  });
  await db
    .insertInto("leads")
    .values([lead("ana@acme.com", 76, 52), lead("una@umbrella.com", 58, 45), lead("joe@gmail.com", 20, 60)])
    .execute();

  const opp = (
    id: string,
    domain: string,
    amount: number,
    stage: string,
    created: number,
    closed: number | null,
  ) => ({
    id,
    account_domain: domain,
    name: `${domain} platform`,
    amount_cents: amount,
    currency: "USD",
    stage,
    owner: domain === "globex.com" ? "Dana Whitfield" : "Maya Chen",
    created_at: bdDaysAgo(created),
    closed_at: closed === null ? null : bdDaysAgo(closed),
    lost_reason: null,
    updated_at: bdDaysAgo(closed ?? created),
  });
  await db
    .insertInto("opportunities")
    .values([
      opp("opp-hooli-1", "hooli.com", 3_000_000, "closed_won", 200, 120),
      opp("opp-hooli-2", "hooli.com", 6_000_000, "closed_won", 100, 20),
      opp("opp-hooli-3", "hooli.com", 9_000_000, "negotiation", 30, null),
      opp("opp-globex", "globex.com", 4_800_000, "proposal", 60, null),
      opp("opp-initech", "initech.com", 2_500_000, "negotiation", 120, null),
      opp("opp-wayne-1", "wayne.com", 12_000_000, "closed_won", 300, 200),
      opp("opp-wayne-2", "wayne.com", 5_000_000, "discovery", 10, null),
    ])
    .execute();
  const entry = (id: string, from: string | null, to: string, at: number) => ({
    opportunity_id: id,
    from_stage: from,
    to_stage: to,
    entered_at: bdDaysAgo(at),
    reason: null,
  });
  await db
    .insertInto("opportunity_stage_history")
    .values([
      entry("opp-hooli-3", null, "new", 30),
      entry("opp-hooli-3", "new", "negotiation", 10),
      entry("opp-globex", null, "new", 60),
      entry("opp-globex", "new", "proposal", 40),
      entry("opp-initech", null, "new", 120),
      entry("opp-initech", "new", "negotiation", 70),
      entry("opp-wayne-2", null, "discovery", 10),
    ])
    .execute();

  let n = 0;
  const touch = (email: string, at: number, channel = "email") => ({
    id: `t-${String(++n).padStart(3, "0")}`,
    contact_email: email,
    account_domain: email.split("@")[1]!,
    channel,
    campaign: null,
    agent: "campaign-execution",
    cluster: "marketing",
    content_hash: `h${n}`,
    occurred_at: bdDaysAgo(at),
    idempotency_key: null,
  });
  await db
    .insertInto("touches")
    .values([
      ...[1, 3, 5, 10, 20].map((d) => touch("ana@acme.com", d, "webinar")),
      ...[2, 3, 6, 12].map((d) => touch("hank@hooli.com", d)),
      ...[20, 35].map((d) => touch("bea@globex.com", d)),
      touch("ivan@initech.com", 50),
      ...[2, 5, 9].map((d) => touch("una@umbrella.com", d)),
      ...[1, 4, 8, 16, 20].map((d) => touch("art@vandelay.com", d)),
      ...[2, 3, 4].map((d) => touch("tony@stark.com", d)),
    ])
    .execute();
}
