import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A touch to record in the CRM when an outreach effect executes. */
export interface TouchEffect {
  id: string;
  contactEmail: string;
  accountDomain: string | null;
  channel: string;
  campaign: string | null;
  agent: string;
  cluster: string;
  contentHash: string;
  at: Date;
  idempotencyKey: string;
}

/** Records a touch; its idempotency key is unique, so the same effect twice records one touch. */
export async function recordTouch(db: Kysely<Database>, touch: TouchEffect): Promise<void> {
  await db
    .insertInto("touches")
    .values({
      id: touch.id,
      contact_email: touch.contactEmail,
      account_domain: touch.accountDomain,
      channel: touch.channel,
      campaign: touch.campaign,
      agent: touch.agent,
      cluster: touch.cluster,
      content_hash: touch.contentHash,
      occurred_at: touch.at.toISOString(),
      idempotency_key: touch.idempotencyKey,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Moves an opportunity to a stage and records the stage entry, closing it when the stage is closed. */
export async function moveOpportunity(
  db: Kysely<Database>,
  move: { id: string; toStage: string; reason: string | null; at: Date },
): Promise<void> {
  const current = await db
    .selectFrom("opportunities")
    .select("stage")
    .where("id", "=", move.id)
    .executeTakeFirstOrThrow();
  const at = move.at.toISOString();
  const closed = move.toStage === "closed_won" || move.toStage === "closed_lost";
  await db
    .updateTable("opportunities")
    .set({
      stage: move.toStage,
      updated_at: at,
      closed_at: closed ? at : null,
      ...(move.toStage === "closed_lost" ? { lost_reason: move.reason } : {}),
    })
    .where("id", "=", move.id)
    .execute();
  await db
    .insertInto("opportunity_stage_history")
    .values({
      opportunity_id: move.id,
      from_stage: current.stage,
      to_stage: move.toStage,
      entered_at: at,
      reason: move.reason,
    })
    .execute();
}

/** Opens a new opportunity at stage `new`, with its first stage entry. */
export async function openOpportunity(
  db: Kysely<Database>,
  opp: { id: string; accountDomain: string; name: string; amountCents: number; owner: string; at: Date },
): Promise<void> {
  const at = opp.at.toISOString();
  await db
    .insertInto("opportunities")
    .values({
      id: opp.id,
      account_domain: opp.accountDomain,
      name: opp.name,
      amount_cents: opp.amountCents,
      currency: "USD",
      stage: "new",
      owner: opp.owner,
      created_at: at,
      closed_at: null,
      lost_reason: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  await db
    .insertInto("opportunity_stage_history")
    .values({ opportunity_id: opp.id, from_stage: null, to_stage: "new", entered_at: at, reason: null })
    .execute();
}

/** Creates a campaign record. */
export async function createCampaignRecord(
  db: Kysely<Database>,
  campaign: { id: string; name: string; channel: string; ownerAgent: string; budgetCents: number; at: Date },
): Promise<void> {
  await db
    .insertInto("campaigns")
    .values({
      id: campaign.id,
      name: campaign.name,
      channel: campaign.channel,
      status: "planned",
      owner_agent: campaign.ownerAgent,
      budget_cents: campaign.budgetCents,
      created_at: campaign.at.toISOString(),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Compensation for a started sequence: cancels it so none of its scheduled touches go out. */
export async function cancelSequence(db: Kysely<Database>, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("sequences")
    .set({ status: "cancelled", ends_at: at.toISOString() })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
