import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect.ts";
import type { Database } from "../schema.ts";

/** An opportunity with its stage history, as the report reads it. */
export interface ReportOpportunity {
  id: string;
  accountDomain: string;
  amountCents: number;
  currency: string;
  stage: string;
  createdAt: Date;
  closedAt: Date | null;
  stageHistory: { stage: string; enteredAt: Date }[];
}

/** A touch, as attribution reads it (the deal it is read for names its account). */
export interface ReportTouch {
  id: string;
  at: Date;
  campaign: string | null;
  channel: string;
  agent: string | null;
}

/** What `growth report` reads for the whole store besides the opportunities: contacts per lifecycle stage. */
export interface ReportData {
  /** Contacts per lifecycle stage. */
  lifecycle: Record<string, number>;
}

/** A won deal whose touches attribution reads: its account and the time range `from ≤ t ≤ to`. */
export interface DealWindow {
  accountDomain: string;
  from: Date;
  to: Date;
}

/** One won deal's attribution inputs: its account's touches in its time range and its lead-creation anchor. */
export interface DealTouches {
  touches: ReportTouch[];
  /** Earliest contact created_at of the account, or null when it has none. */
  firstContactAt: Date | null;
}

// Opportunities are read in pages of this many (with their stage history), and won deals' touches for this
// many deals per statement: a few statements instead of one per deal, and memory bounded by a page.
const OPPORTUNITY_PAGE = 1_000;
const DEAL_CHUNK = 250;

/**
 * Reads the report's store-wide inputs: each opportunity with its stage history goes to `onOpportunity` as
 * it is read, in id order, a page at a time (so no whole result set is held). Touches are not among them:
 * attribution reads the won deals' with `eachDealTouches`, so memory does not grow with the number of touches.
 */
export async function loadReportData(
  db: Kysely<Database>,
  onOpportunity: (opportunity: ReportOpportunity) => void,
): Promise<ReportData> {
  let after: string | null = null;
  for (;;) {
    let page = db
      .selectFrom("opportunities")
      .select(["id", "account_domain", "amount_cents", "currency", "stage", "created_at", "closed_at"]);
    if (after !== null) page = page.where("id", ">", after);
    const opportunities = await page.orderBy("id").limit(OPPORTUNITY_PAGE).execute();
    if (opportunities.length === 0) break;
    after = opportunities[opportunities.length - 1]!.id;
    const byOpp = new Map<string, { stage: string; enteredAt: Date }[]>();
    const history = await db
      .selectFrom("opportunity_stage_history")
      .select(["opportunity_id", "to_stage", "entered_at"])
      .where(
        "opportunity_id",
        "in",
        opportunities.map((o) => o.id),
      )
      .orderBy("opportunity_id")
      .orderBy("entered_at")
      .orderBy("id")
      .execute();
    for (const h of history) {
      const list = byOpp.get(h.opportunity_id);
      const entry = { stage: h.to_stage, enteredAt: new Date(h.entered_at) };
      if (list) list.push(entry);
      else byOpp.set(h.opportunity_id, [entry]);
    }
    for (const o of opportunities) {
      onOpportunity({
        id: o.id,
        accountDomain: o.account_domain,
        amountCents: Number(o.amount_cents),
        currency: o.currency,
        stage: o.stage,
        createdAt: new Date(o.created_at),
        closedAt: o.closed_at ? new Date(o.closed_at) : null,
        stageHistory: byOpp.get(o.id) ?? [],
      });
    }
    if (opportunities.length < OPPORTUNITY_PAGE) break;
  }
  const lifecycle = await db
    .selectFrom("contacts")
    .select(["lifecycle_stage", db.fn.countAll<number>().as("n")])
    .groupBy("lifecycle_stage")
    .orderBy("lifecycle_stage")
    .execute();
  return { lifecycle: Object.fromEntries(lifecycle.map((l) => [l.lifecycle_stage, Number(l.n)])) };
}

/** One deal's row of a chunk: its index in the chunk, its touches as a JSON array, its account's first contact. */
interface DealWindowRow {
  k: number | string;
  /** `[[id, occurred_at, campaign, channel, agent], …]`: text from SQLite, parsed (or null for none) from pg. */
  touches: string | unknown[] | null;
  first: string | null;
}

type TouchTuple = [string, string, string | null, string, string | null];

/**
 * Each deal's account's touches with `from ≤ occurred_at ≤ to` and the earliest created_at of the account's
 * contacts, handed to `onDeal` in the order of `deals`. A chunk of deals is one statement: their windows as a
 * VALUES list, each deal's touches read through the (account, time) index and aggregated into one JSON array,
 * its first contact through the (account, created_at) index. One JSON string per deal instead of a row per
 * touch: building a row object per touch was most of the report's time on a large store.
 */
export async function eachDealTouches<D extends DealWindow>(
  db: Kysely<Database>,
  deals: readonly D[],
  onDeal: (deal: D, read: DealTouches) => void,
): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  const aggregate = postgres
    ? sql`json_agg(json_build_array(t.id, t.occurred_at, t.campaign, t.channel, t.agent))`
    : sql`json_group_array(json_array(t.id, t.occurred_at, t.campaign, t.channel, t.agent))`;
  for (let start = 0; start < deals.length; start += DEAL_CHUNK) {
    const chunk = deals.slice(start, start + DEAL_CHUNK);
    const windows = sql.join(
      chunk.map((d, k) => sql`(${k}, ${d.accountDomain}, ${d.from.toISOString()}, ${d.to.toISOString()})`),
    );
    const { rows } =
      await sql<DealWindowRow>`with w (k, account_domain, from_at, to_at) as (values ${windows})
      select w.k,
        (select ${aggregate} from touches t where t.account_domain = w.account_domain
          and t.occurred_at >= w.from_at and t.occurred_at <= w.to_at) as touches,
        (select min(c.created_at) from contacts c where c.account_domain = w.account_domain) as first
      from w`.execute(db);
    const byK = new Map(rows.map((r) => [Number(r.k), r]));
    chunk.forEach((deal, k) => {
      const row = byK.get(k);
      const raw = row?.touches ?? null;
      const tuples = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? [])) as TouchTuple[];
      onDeal(deal, {
        touches: tuples.map(([id, at, campaign, channel, agent]) => ({
          id,
          at: new Date(at),
          campaign,
          channel,
          agent,
        })),
        firstContactAt: row?.first == null ? null : new Date(String(row.first)),
      });
    });
  }
}
