import pino from "pino";
import { openStore, type Store } from "../../store/db.ts";
import type { ToolContext } from "../tool.ts";

/** The clock every marketing fixture row is relative to. */
export const MARKETING_NOW = new Date("2026-03-02T12:00:00.000Z");

/** An ISO time `n` days before the fixture clock. */
export const daysAgo = (n: number) => new Date(MARKETING_NOW.getTime() - n * 86_400_000).toISOString();

/** A temp in-memory store with the marketing fixture and a tool context on its clock. */
export async function marketingStore(): Promise<{
  store: Store;
  ctx: ToolContext;
  close: () => Promise<void>;
}> {
  const store = await openStore(":memory:");
  await seedMarketingFixture(store);
  const ctx: ToolContext = { db: store.db, now: MARKETING_NOW, logger: pino({ level: "silent" }) };
  return { store, ctx, close: () => store.close() };
}

/**
 * A small CRM that every marketing test reasons about:
 * - SaaS: acme.com (800, unowned, has a DNC and an unsubscribed contact), hooli.com (700, two won deals),
 *   initech.com (300, active BD sequence), stark.com (900, suppressed as an account);
 * - Fintech: globex.com (2500, owner and an open proposal); Healthcare: umbrella.com (150, one lost deal);
 * - webinar touches: 10 in the previous 30 days, 4 in the last 30 (a 60% drop);
 * - hooli's won deals carry webinar and paid-search campaign touches, for attribution.
 */
export async function seedMarketingFixture(store: Store): Promise<void> {
  const db = store.db;
  const account = (
    domain: string,
    name: string,
    industry: string,
    employees: number,
    owner: string | null,
  ) => ({
    domain,
    name,
    industry,
    employees,
    country: "US",
    owner,
    created_at: daysAgo(400),
    updated_at: daysAgo(400),
  });
  await db
    .insertInto("accounts")
    .values([
      account("acme.com", "Acme Software", "SaaS", 800, null),
      account("hooli.com", "Hooli", "SaaS", 700, null),
      account("initech.com", "Initech", "SaaS", 300, null),
      account("stark.com", "Stark Labs", "SaaS", 900, null),
      account("globex.com", "Globex", "Fintech", 2500, "Dana Whitfield"),
      account("umbrella.com", "Umbrella Health", "Healthcare", 150, null),
    ])
    .execute();

  const contact = (email: string, first: string, title: string, flags: { dnc?: 1; unsub?: 1 } = {}) => ({
    email,
    first_name: first,
    last_name: "Doe",
    title,
    account_domain: email.split("@")[1]!,
    lifecycle_stage: "lead",
    do_not_contact: flags.dnc ?? (0 as const),
    unsubscribed: flags.unsub ?? (0 as const),
    bounced: 0 as const,
    created_at: daysAgo(200),
    updated_at: daysAgo(200),
  });
  await db
    .insertInto("contacts")
    .values([
      contact("ana@acme.com", "Ana", "Marketing Manager"),
      contact("carl@acme.com", "Carl", "Chief Financial Officer"),
      contact("dev@acme.com", "Dev", "Data Analyst"),
      contact("sam@acme.com", "Sam", "Operations Manager", { dnc: 1 }),
      contact("uma@acme.com", "Uma", "Sales Development Representative", { unsub: 1 }),
      contact("hank@hooli.com", "Hank", "VP Sales"),
      contact("hope@hooli.com", "Hope", "Revenue Operations Manager"),
      contact("ivan@initech.com", "Ivan", "Operations Lead"),
      contact("tony@stark.com", "Tony", "CEO"),
      contact("bea@globex.com", "Bea", "Procurement Manager"),
      contact("una@umbrella.com", "Una", "Director of Sales"),
    ])
    .execute();
  await db
    .updateTable("contacts")
    .set({ lifecycle_stage: "customer" })
    .where("account_domain", "=", "hooli.com")
    .execute();
  await db
    .updateTable("contacts")
    .set({ lifecycle_stage: "mql" })
    .where("email", "=", "carl@acme.com")
    .execute();

  await db
    .insertInto("suppressions")
    .values([
      {
        contact_email: "sam@acme.com",
        account_domain: null,
        reason: "do_not_contact",
        note: null,
        created_at: daysAgo(30),
        expires_at: null,
      },
      {
        contact_email: null,
        account_domain: "stark.com",
        reason: "objection",
        note: "legal hold",
        created_at: daysAgo(10),
        expires_at: null,
      },
    ])
    .execute();
  await db
    .insertInto("sequences")
    .values({
      id: "seq-initech",
      contact_email: "ivan@initech.com",
      account_domain: "initech.com",
      agent: "lead-engagement",
      cluster: "bd",
      status: "active",
      started_at: daysAgo(3),
      ends_at: null,
    })
    .execute();

  const lead = (id: string, email: string, source: string, createdDaysAgo: number, status = "new") => ({
    id,
    contact_email: email,
    account_domain: email.split("@")[1]!,
    source,
    status,
    fit_score: null,
    engagement_score: null,
    created_at: daysAgo(createdDaysAgo),
    qualified_at: status === "mql" ? daysAgo(createdDaysAgo - 1) : null,
    updated_at: daysAgo(createdDaysAgo),
  });
  await db
    .insertInto("leads")
    .values([
      lead("lead-ana", "ana@acme.com", "webinar", 5),
      lead("lead-carl", "carl@acme.com", "demo_request", 6),
      lead("lead-dev", "dev@acme.com", "paid_search", 40, "mql"),
      lead("lead-una", "una@umbrella.com", "events", 45, "mql"),
    ])
    .execute();

  const opp = (
    id: string,
    domain: string,
    amount: number,
    stage: string,
    created: number,
    closed: number | null,
    owner: string | null,
  ) => ({
    id,
    account_domain: domain,
    name: `${domain} platform`,
    amount_cents: amount,
    currency: "USD",
    stage,
    owner,
    created_at: daysAgo(created),
    closed_at: closed === null ? null : daysAgo(closed),
    lost_reason: stage === "closed_lost" ? "budget" : null,
    updated_at: daysAgo(closed ?? created),
  });
  await db
    .insertInto("opportunities")
    .values([
      opp("opp-globex", "globex.com", 4_800_000, "proposal", 45, null, "Dana Whitfield"),
      opp("opp-hooli-1", "hooli.com", 3_000_000, "closed_won", 200, 120, "Maya Chen"),
      opp("opp-hooli-2", "hooli.com", 6_000_000, "closed_won", 100, 20, "Maya Chen"),
      opp("opp-umbrella", "umbrella.com", 2_000_000, "closed_lost", 80, 50, "Sam Okafor"),
    ])
    .execute();
  const entry = (id: string, from: string | null, to: string, at: number) => ({
    opportunity_id: id,
    from_stage: from,
    to_stage: to,
    entered_at: daysAgo(at),
    reason: null,
  });
  await db
    .insertInto("opportunity_stage_history")
    .values([
      entry("opp-globex", null, "new", 45),
      entry("opp-globex", "new", "proposal", 20),
      entry("opp-hooli-1", null, "new", 200),
      entry("opp-hooli-1", "new", "closed_won", 120),
      entry("opp-hooli-2", null, "new", 100),
      entry("opp-hooli-2", "new", "proposal", 60),
      entry("opp-hooli-2", "proposal", "closed_won", 20),
      entry("opp-umbrella", null, "new", 80),
      entry("opp-umbrella", "new", "closed_lost", 50),
    ])
    .execute();

  await db
    .insertInto("campaigns")
    .values([
      {
        id: "cmp-webinar",
        name: "Webinar: Pipeline hygiene",
        channel: "webinar",
        status: "active",
        owner_agent: "campaign-planner",
        budget_cents: 900_000,
        created_at: daysAgo(90),
      },
      {
        id: "cmp-search",
        name: "Paid search: CRM automation",
        channel: "paid_search",
        status: "completed",
        owner_agent: "campaign-planner",
        budget_cents: 4_000_000,
        created_at: daysAgo(300),
      },
      {
        id: "cmp-nurture",
        name: "Spring nurture",
        channel: "email",
        status: "planned",
        owner_agent: "campaign-planner",
        budget_cents: 600_000,
        created_at: daysAgo(2),
      },
    ])
    .execute();

  let n = 0;
  const touch = (
    email: string,
    channel: string,
    at: number,
    campaign: string | null,
    agent = "campaign-execution",
  ) => ({
    id: `t-${String(++n).padStart(3, "0")}`,
    contact_email: email,
    account_domain: email.split("@")[1]!,
    channel,
    campaign,
    agent,
    cluster: agent === "campaign-execution" ? "marketing" : "bd",
    content_hash: `h${n}`,
    occurred_at: daysAgo(at),
    idempotency_key: null,
  });
  const webinarBefore = [31, 33, 35, 37, 40, 42, 45, 50, 55, 58];
  const webinarNow = [2, 10, 15, 20];
  await db
    .insertInto("touches")
    .values([
      ...webinarBefore.map((d, i) =>
        touch(i % 2 ? "una@umbrella.com" : "dev@acme.com", "webinar", d, "cmp-webinar"),
      ),
      ...webinarNow.map((d) => touch("ana@acme.com", "webinar", d, "cmp-webinar")),
      touch("carl@acme.com", "email", 4, null, "lead-engagement"),
      touch("hank@hooli.com", "paid_search", 190, "cmp-search"),
      touch("hope@hooli.com", "webinar", 90, "cmp-webinar"),
      touch("hank@hooli.com", "call", 30, null, "deal-closer"),
    ])
    .execute();
}
