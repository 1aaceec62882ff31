import type { Insertable, Kysely } from "kysely";
import type { Database, TouchesTable } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked, loadByKey, type RowOutcome, sameColumns } from "./shared.ts";

/** A validated `touches.csv` row; `contactEmail` is already the contact key. */
export interface TouchImport {
  line: number;
  id: string;
  contactEmail: string;
  channel: string;
  campaign: string | null;
  agent: string | null;
  occurredAt: Date;
}

const COMPARED = ["contact_email", "account_domain", "channel", "campaign", "agent", "occurred_at"] as const;

/**
 * Upserts touches by id in one transaction; the contact must already be in the store, and the touch takes
 * that contact's account (so the guard's per-account lookups and attribution see it).
 */
export async function importTouches(
  db: Kysely<Database>,
  rows: readonly TouchImport[],
): Promise<RowOutcome[]> {
  return inTransaction(db, async (trx) => {
    const contacts = await loadByKey(
      rows.map((r) => r.contactEmail),
      (keys) =>
        trx.selectFrom("contacts").select(["email", "account_domain"]).where("email", "in", keys).execute(),
      (row) => row.email,
    );
    const existing = await loadByKey(
      rows.map((r) => r.id),
      (keys) => trx.selectFrom("touches").selectAll().where("id", "in", keys).execute(),
      (row) => row.id,
    );
    const outcomes: RowOutcome[] = [];
    const inserts: Insertable<TouchesTable>[] = [];
    for (const row of rows) {
      const contact = contacts.get(row.contactEmail);
      if (contact === undefined) {
        outcomes.push({
          line: row.line,
          outcome: "rejected",
          reason: `contact_email "${row.contactEmail}" is not in the store; add the contact to contacts.csv first`,
        });
        continue;
      }
      const values = {
        contact_email: row.contactEmail,
        account_domain: contact.account_domain,
        channel: row.channel,
        campaign: row.campaign,
        agent: row.agent,
        occurred_at: row.occurredAt.toISOString(),
      };
      const before = existing.get(row.id);
      if (before === undefined) {
        inserts.push({ id: row.id, ...values });
        outcomes.push({ line: row.line, outcome: "inserted" });
      } else if (sameColumns(values, before, COMPARED)) {
        outcomes.push({ line: row.line, outcome: "unchanged" });
      } else {
        await trx.updateTable("touches").set(values).where("id", "=", row.id).execute();
        outcomes.push({ line: row.line, outcome: "updated" });
      }
    }
    for (const chunk of chunked(inserts, 500)) await trx.insertInto("touches").values(chunk).execute();
    return outcomes;
  });
}
