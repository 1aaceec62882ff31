import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

const CLOSED = ["closed_won", "closed_lost"];

/** An account with what ICP scoring and the market brief read: firmographics, titles, and BD standing. */
export interface ScoringAccount {
  domain: string;
  name: string;
  industry: string | null;
  employees: number | null;
  country: string | null;
  owner: string | null;
  titles: string[];
  openOpportunities: number;
  suppressed: boolean;
  wonDeals: number;
}

/**
 * Every account (or one industry's, one domain, or those of `domains`) with contacts' titles, open deal count
 * and account suppression.
 */
export async function bdScoringAccounts(
  db: Kysely<Database>,
  filter: {
    industry?: string | undefined;
    domain?: string | undefined;
    domains?: readonly string[] | undefined;
    now: Date;
  },
): Promise<ScoringAccount[]> {
  if (filter.domains?.length === 0) return [];
  // The chosen accounts as a subquery that each read below joins through its account index, instead of an
  // IN list of every domain (20,000 bound values on a large store, compiled and sorted for each read).
  const chosen = () => {
    let query = db.selectFrom("accounts").select("domain");
    if (filter.domain) query = query.where("domain", "=", filter.domain);
    if (filter.domains) query = query.where("domain", "in", filter.domains);
    if (filter.industry)
      query = query.where((eb) => eb.fn("lower", ["industry"]), "=", filter.industry!.toLowerCase());
    return query;
  };
  let query = db.selectFrom("accounts").selectAll();
  if (filter.domain) query = query.where("domain", "=", filter.domain);
  if (filter.domains) query = query.where("domain", "in", filter.domains);
  if (filter.industry)
    query = query.where((eb) => eb.fn("lower", ["industry"]), "=", filter.industry.toLowerCase());
  const accounts = await query.orderBy("domain").execute();
  if (accounts.length === 0) return [];
  const titles = await db
    .selectFrom("contacts")
    .select(["account_domain", "title"])
    .where("account_domain", "in", chosen())
    .where("title", "is not", null)
    .orderBy("email")
    .execute();
  const open = await db
    .selectFrom("opportunities")
    .select((eb) => ["account_domain", eb.fn.countAll<number>().as("n")])
    .where("account_domain", "in", chosen())
    .where("stage", "not in", CLOSED)
    .groupBy("account_domain")
    .execute();
  const at = filter.now.toISOString();
  const suppressed = await db
    .selectFrom("suppressions")
    .select("account_domain")
    .where("account_domain", "in", chosen())
    .where("contact_email", "is", null)
    .where("created_at", "<=", at)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
    .execute();
  const won = await db
    .selectFrom("opportunities")
    .select((eb) => ["account_domain", eb.fn.countAll<number>().as("n")])
    .where("account_domain", "in", chosen())
    .where("stage", "=", "closed_won")
    .groupBy("account_domain")
    .execute();
  const wonBy = new Map(won.map((o) => [o.account_domain, Number(o.n)]));
  const openBy = new Map(open.map((o) => [o.account_domain, Number(o.n)]));
  const blocked = new Set(suppressed.map((s) => s.account_domain));
  // Grouped once (in email order, as read), not filtered per account: that was accounts × contacts.
  const titlesBy = new Map<string, string[]>();
  for (const t of titles) {
    const key = t.account_domain as string;
    const list = titlesBy.get(key);
    if (list) list.push(t.title ?? "");
    else titlesBy.set(key, [t.title ?? ""]);
  }
  return accounts.map((a) => ({
    domain: a.domain,
    name: a.name,
    industry: a.industry,
    employees: a.employees,
    country: a.country,
    owner: a.owner,
    titles: titlesBy.get(a.domain) ?? [],
    openOpportunities: openBy.get(a.domain) ?? 0,
    suppressed: blocked.has(a.domain),
    wonDeals: wonBy.get(a.domain) ?? 0,
  }));
}

/**
 * Touches per account in two adjacent windows: recent `(mid, to]` and previous `(from, mid]`. Counted in SQL,
 * one row per account, not one per touch in the window.
 */
export async function bdTouchCountsByAccount(
  db: Kysely<Database>,
  range: { from: Date; mid: Date; to: Date; accountDomain?: string | undefined },
): Promise<Map<string, { recent: number; previous: number }>> {
  const mid = range.mid.toISOString();
  let query = db
    .selectFrom("touches")
    .select((eb) => [
      "account_domain",
      eb.fn
        .sum<number>(eb.case().when("occurred_at", ">", mid).then(eb.lit(1)).else(eb.lit(0)).end())
        .as("recent"),
      eb.fn
        .sum<number>(eb.case().when("occurred_at", "<=", mid).then(eb.lit(1)).else(eb.lit(0)).end())
        .as("previous"),
    ])
    .where("account_domain", "is not", null)
    .where("occurred_at", ">", range.from.toISOString())
    .where("occurred_at", "<=", range.to.toISOString());
  if (range.accountDomain) query = query.where("account_domain", "=", range.accountDomain);
  const rows = await query.groupBy("account_domain").execute();
  const counts = new Map<string, { recent: number; previous: number }>();
  for (const r of rows)
    counts.set(r.account_domain!, { recent: Number(r.recent), previous: Number(r.previous) });
  return counts;
}

/** One open opportunity with what deal review reads: when it entered its stage and its account's last touch. */
export interface OpenDeal {
  id: string;
  accountDomain: string;
  accountName: string | null;
  name: string;
  amountCents: number;
  stage: string;
  owner: string | null;
  createdAt: string;
  stageEnteredAt: string;
  lastTouchAt: string | null;
}

/** Open opportunities in the given stages (or one by id), with stage entry time and last account touch up to `now`. */
export async function bdOpenDeals(
  db: Kysely<Database>,
  filter: { stages?: readonly string[]; opportunityId?: string | undefined; now: Date },
): Promise<OpenDeal[]> {
  let query = db
    .selectFrom("opportunities")
    .leftJoin("accounts", "accounts.domain", "opportunities.account_domain")
    .selectAll("opportunities")
    .select("accounts.name as account_name")
    .where("opportunities.stage", "not in", CLOSED);
  if (filter.opportunityId) query = query.where("opportunities.id", "=", filter.opportunityId);
  if (filter.stages && filter.stages.length > 0)
    query = query.where("opportunities.stage", "in", [...filter.stages]);
  const rows = await query.orderBy("opportunities.id").execute();
  if (rows.length === 0) return [];
  const at = filter.now.toISOString();
  const entries = await db
    .selectFrom("opportunity_stage_history")
    .select(["opportunity_id", "to_stage", "entered_at"])
    .where(
      "opportunity_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("entered_at", "<=", at)
    .orderBy("entered_at")
    .orderBy("id")
    .execute();
  const touches = await db
    .selectFrom("touches")
    .select((eb) => ["account_domain", eb.fn.max("occurred_at").as("last")])
    .where(
      "account_domain",
      "in",
      rows.map((r) => r.account_domain),
    )
    .where("occurred_at", "<=", at)
    .groupBy("account_domain")
    .execute();
  const lastTouch = new Map(touches.map((t) => [t.account_domain, String(t.last)]));
  return rows.map((r) => {
    // The latest entry into the current stage; without history, the opportunity's creation.
    const entered = entries.filter((e) => e.opportunity_id === r.id && e.to_stage === r.stage).at(-1);
    return {
      id: r.id,
      accountDomain: r.account_domain,
      accountName: r.account_name,
      name: r.name,
      amountCents: Number(r.amount_cents),
      stage: r.stage,
      owner: r.owner,
      createdAt: r.created_at,
      stageEnteredAt: entered?.entered_at ?? r.created_at,
      lastTouchAt: lastTouch.get(r.account_domain) ?? null,
    };
  });
}
