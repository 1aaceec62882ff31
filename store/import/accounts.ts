import type { Insertable, Kysely } from "kysely";
import type { AccountsTable, Database } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked, loadByKey, type RowOutcome, sameColumns } from "./shared.ts";

/** A validated `accounts.csv` row; `domain` is already the account key. */
export interface AccountImport {
  line: number;
  domain: string;
  name: string;
  industry: string | null;
  employees: number | null;
  country: string | null;
  owner: string | null;
}

const COMPARED = ["name", "industry", "employees", "country", "owner"] as const;

/**
 * Upserts accounts by domain in one transaction: new ones are inserted, changed ones updated (keeping their
 * created_at), identical ones left alone, so importing the same file twice changes nothing.
 */
export async function importAccounts(
  db: Kysely<Database>,
  rows: readonly AccountImport[],
  now: Date,
): Promise<RowOutcome[]> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const existing = await loadByKey(
      rows.map((r) => r.domain),
      (keys) => trx.selectFrom("accounts").selectAll().where("domain", "in", keys).execute(),
      (row) => row.domain,
    );
    const outcomes: RowOutcome[] = [];
    const inserts: Insertable<AccountsTable>[] = [];
    for (const row of rows) {
      const values = {
        name: row.name,
        industry: row.industry,
        employees: row.employees,
        country: row.country,
        owner: row.owner,
      };
      const before = existing.get(row.domain);
      if (before === undefined) {
        inserts.push({ domain: row.domain, ...values, created_at: stamp, updated_at: stamp });
        outcomes.push({ line: row.line, outcome: "inserted" });
      } else if (sameColumns(values, before, COMPARED)) {
        outcomes.push({ line: row.line, outcome: "unchanged" });
      } else {
        await trx
          .updateTable("accounts")
          .set({ ...values, updated_at: stamp })
          .where("domain", "=", row.domain)
          .execute();
        outcomes.push({ line: row.line, outcome: "updated" });
      }
    }
    for (const chunk of chunked(inserts, 100)) await trx.insertInto("accounts").values(chunk).execute();
    return outcomes;
  });
}
