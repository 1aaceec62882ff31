import type { Kysely } from "kysely";
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

/** A touch, as attribution reads it. */
export interface ReportTouch {
  id: string;
  contactEmail: string;
  accountDomain: string;
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

/** One won deal's attribution inputs: its account's touches in a time range and its lead-creation anchor. */
export interface DealTouches {
  touches: ReportTouch[];
  /** Earliest contact created_at of the account, or null when it has none. */
  firstContactAt: Date | null;
}

/**
 * Reads the report's store-wide inputs: each opportunity with its stage history goes to `onOpportunity` as
 * it is read (rows are streamed, so no raw result set is held), in id order. Touches are not among them:
 * attribution reads each won deal's with `dealTouches`, so memory does not grow with the number of touches.
 */
export async function loadReportData(
  db: Kysely<Database>,
  onOpportunity: (opportunity: ReportOpportunity) => void,
): Promise<ReportData> {
  const byOpp = new Map<string, { stage: string; enteredAt: Date }[]>();
  const history = db
    .selectFrom("opportunity_stage_history")
    .select(["opportunity_id", "to_stage", "entered_at"])
    .orderBy("opportunity_id")
    .orderBy("entered_at")
    .orderBy("id")
    .stream();
  for await (const h of history) {
    const list = byOpp.get(h.opportunity_id) ?? [];
    list.push({ stage: h.to_stage, enteredAt: new Date(h.entered_at) });
    byOpp.set(h.opportunity_id, list);
  }
  for await (const o of db.selectFrom("opportunities").selectAll().orderBy("id").stream()) {
    const stageHistory = byOpp.get(o.id) ?? [];
    byOpp.delete(o.id);
    onOpportunity({
      id: o.id,
      accountDomain: o.account_domain,
      amountCents: Number(o.amount_cents),
      currency: o.currency,
      stage: o.stage,
      createdAt: new Date(o.created_at),
      closedAt: o.closed_at ? new Date(o.closed_at) : null,
      stageHistory,
    });
  }
  const lifecycle = await db
    .selectFrom("contacts")
    .select(["lifecycle_stage", db.fn.countAll<number>().as("n")])
    .groupBy("lifecycle_stage")
    .orderBy("lifecycle_stage")
    .execute();
  return { lifecycle: Object.fromEntries(lifecycle.map((l) => [l.lifecycle_stage, Number(l.n)])) };
}

/**
 * One account's touches with `from ≤ occurred_at ≤ to`, through the (account, time) index, and the earliest
 * created_at of its contacts (through the contacts' account index).
 */
export async function dealTouches(
  db: Kysely<Database>,
  accountDomain: string,
  range: { from: Date; to: Date },
): Promise<DealTouches> {
  const rows = await db
    .selectFrom("touches")
    .select(["id", "contact_email", "account_domain", "occurred_at", "campaign", "channel", "agent"])
    .where("account_domain", "=", accountDomain)
    .where("occurred_at", ">=", range.from.toISOString())
    .where("occurred_at", "<=", range.to.toISOString())
    .execute();
  const first = await db
    .selectFrom("contacts")
    .select(db.fn.min("created_at").as("first"))
    .where("account_domain", "=", accountDomain)
    .executeTakeFirst();
  return {
    touches: rows.map((t) => ({
      id: t.id,
      contactEmail: t.contact_email,
      accountDomain: t.account_domain as string,
      at: new Date(t.occurred_at),
      campaign: t.campaign,
      channel: t.channel,
      agent: t.agent,
    })),
    firstContactAt: first?.first == null ? null : new Date(String(first.first)),
  };
}
