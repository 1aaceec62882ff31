import type { Insertable, Kysely } from "kysely";
import type { Database, OpportunitiesTable, OpportunityStageHistoryTable } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked, loadByKey, type RowOutcome, sameColumns } from "./shared.ts";

/** A validated `opportunities.csv` row: amount in cents, stage a known stage, close facts consistent. */
export interface OpportunityImport {
  line: number;
  id: string;
  accountDomain: string;
  name: string;
  amountCents: number;
  currency: string;
  stage: string;
  closed: boolean;
  owner: string | null;
  createdAt: Date;
  closedAt: Date | null;
  lostReason: string | null;
}

/** The reason recorded on stage-history rows written by an import. */
export const IMPORT_STAGE_REASON = "csv import";

const COMPARED = [
  "account_domain",
  "name",
  "amount_cents",
  "currency",
  "stage",
  "owner",
  "created_at",
  "closed_at",
  "lost_reason",
] as const;

/**
 * Upserts opportunities by id in one transaction; the account must already be in the store. A new
 * opportunity gets one stage-history row (entered at its close time when closed, else at creation); an
 * existing one gets a row only when its stage actually changes (entered at its close time, or `now`).
 */
export async function importOpportunities(
  db: Kysely<Database>,
  rows: readonly OpportunityImport[],
  now: Date,
): Promise<RowOutcome[]> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const accounts = await loadByKey(
      rows.map((r) => r.accountDomain),
      (keys) => trx.selectFrom("accounts").select("domain").where("domain", "in", keys).execute(),
      (row) => row.domain,
    );
    const existing = await loadByKey(
      rows.map((r) => r.id),
      (keys) => trx.selectFrom("opportunities").selectAll().where("id", "in", keys).execute(),
      (row) => row.id,
    );
    const outcomes: RowOutcome[] = [];
    const inserts: Insertable<OpportunitiesTable>[] = [];
    const history: Insertable<OpportunityStageHistoryTable>[] = [];
    for (const row of rows) {
      if (!accounts.has(row.accountDomain)) {
        outcomes.push({
          line: row.line,
          outcome: "rejected",
          reason: `account_domain "${row.accountDomain}" is not in the store; add it to accounts.csv first`,
        });
        continue;
      }
      const values = {
        account_domain: row.accountDomain,
        name: row.name,
        amount_cents: row.amountCents,
        currency: row.currency,
        stage: row.stage,
        owner: row.owner,
        created_at: row.createdAt.toISOString(),
        closed_at: row.closedAt?.toISOString() ?? null,
        lost_reason: row.lostReason,
      };
      const entered = row.closed ? (values.closed_at ?? stamp) : null;
      const before = existing.get(row.id);
      if (before === undefined) {
        inserts.push({ id: row.id, ...values, updated_at: stamp });
        history.push({
          opportunity_id: row.id,
          from_stage: null,
          to_stage: row.stage,
          entered_at: entered ?? values.created_at,
          reason: IMPORT_STAGE_REASON,
        });
        outcomes.push({ line: row.line, outcome: "inserted" });
        continue;
      }
      if (sameColumns(values, before, COMPARED)) {
        outcomes.push({ line: row.line, outcome: "unchanged" });
        continue;
      }
      await trx
        .updateTable("opportunities")
        .set({ ...values, updated_at: stamp })
        .where("id", "=", row.id)
        .execute();
      if (before.stage !== row.stage) {
        history.push({
          opportunity_id: row.id,
          from_stage: before.stage,
          to_stage: row.stage,
          entered_at: entered ?? stamp,
          reason: IMPORT_STAGE_REASON,
        });
      }
      outcomes.push({ line: row.line, outcome: "updated" });
    }
    for (const chunk of chunked(inserts, 100)) await trx.insertInto("opportunities").values(chunk).execute();
    for (const chunk of chunked(history, 500)) {
      await trx.insertInto("opportunity_stage_history").values(chunk).execute();
    }
    return outcomes;
  });
}
