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

/** Everything `growth report` needs, read in four queries. */
export interface ReportData {
  opportunities: ReportOpportunity[];
  touches: ReportTouch[];
  /** Earliest contact created_at per account: the lead-creation anchor of attribution. */
  firstContactAt: Map<string, Date>;
  /** Contacts per lifecycle stage. */
  lifecycle: Record<string, number>;
}

/** Loads the report's inputs; touches without an account cannot be attributed and are left out. */
export async function loadReportData(db: Kysely<Database>): Promise<ReportData> {
  const opps = await db.selectFrom("opportunities").selectAll().orderBy("id").execute();
  const history = await db
    .selectFrom("opportunity_stage_history")
    .select(["opportunity_id", "to_stage", "entered_at"])
    .orderBy("opportunity_id")
    .orderBy("entered_at")
    .orderBy("id")
    .execute();
  const byOpp = new Map<string, { stage: string; enteredAt: Date }[]>();
  for (const h of history) {
    const list = byOpp.get(h.opportunity_id) ?? [];
    list.push({ stage: h.to_stage, enteredAt: new Date(h.entered_at) });
    byOpp.set(h.opportunity_id, list);
  }
  const touches = await db
    .selectFrom("touches")
    .select(["id", "contact_email", "account_domain", "occurred_at", "campaign", "channel", "agent"])
    .where("account_domain", "is not", null)
    .execute();
  const firsts = await db
    .selectFrom("contacts")
    .select(["account_domain", db.fn.min("created_at").as("first")])
    .where("account_domain", "is not", null)
    .groupBy("account_domain")
    .execute();
  const lifecycle = await db
    .selectFrom("contacts")
    .select(["lifecycle_stage", db.fn.countAll<number>().as("n")])
    .groupBy("lifecycle_stage")
    .execute();
  return {
    opportunities: opps.map((o) => ({
      id: o.id,
      accountDomain: o.account_domain,
      amountCents: Number(o.amount_cents),
      currency: o.currency,
      stage: o.stage,
      createdAt: new Date(o.created_at),
      closedAt: o.closed_at ? new Date(o.closed_at) : null,
      stageHistory: byOpp.get(o.id) ?? [],
    })),
    touches: touches.map((t) => ({
      id: t.id,
      contactEmail: t.contact_email,
      accountDomain: t.account_domain as string,
      at: new Date(t.occurred_at),
      campaign: t.campaign,
      channel: t.channel,
      agent: t.agent,
    })),
    firstContactAt: new Map(firsts.map((f) => [f.account_domain as string, new Date(String(f.first))])),
    lifecycle: Object.fromEntries(lifecycle.map((l) => [l.lifecycle_stage, Number(l.n)])),
  };
}
