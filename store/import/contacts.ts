import type { Insertable, Kysely } from "kysely";
import type { ContactsTable, Database, Flag } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked, loadByKey, type RowOutcome, sameColumns } from "./shared.ts";

/** A validated `contacts.csv` row; `email` is already the contact key. */
export interface ContactImport {
  line: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  /** The account the file names (already an account key); it must exist. */
  accountDomain: string | null;
  /** The account key of the email's domain (null for free mail), used when the file names none. */
  emailAccount: string | null;
  lifecycleStage: string;
  doNotContact: boolean;
  unsubscribed: boolean;
  createdAt: Date;
}

const COMPARED = [
  "first_name",
  "last_name",
  "title",
  "account_domain",
  "lifecycle_stage",
  "do_not_contact",
  "unsubscribed",
  "created_at",
] as const;

/**
 * Upserts contacts by email in one transaction. A named account must already be in the store (else the row
 * is rejected); with none named, the contact joins the account of its email domain when that exists.
 * Do-not-contact and unsubscribed are sticky: a file can set them, never clear them.
 */
export async function importContacts(
  db: Kysely<Database>,
  rows: readonly ContactImport[],
  now: Date,
): Promise<RowOutcome[]> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const wanted = rows.flatMap((r) => [r.accountDomain, r.emailAccount]).filter((d) => d !== null);
    const accounts = await loadByKey(
      wanted,
      (keys) => trx.selectFrom("accounts").select("domain").where("domain", "in", keys).execute(),
      (row) => row.domain,
    );
    const existing = await loadByKey(
      rows.map((r) => r.email),
      (keys) => trx.selectFrom("contacts").selectAll().where("email", "in", keys).execute(),
      (row) => row.email,
    );
    const outcomes: RowOutcome[] = [];
    const inserts: Insertable<ContactsTable>[] = [];
    for (const row of rows) {
      if (row.accountDomain !== null && !accounts.has(row.accountDomain)) {
        outcomes.push({
          line: row.line,
          outcome: "rejected",
          reason: `account_domain "${row.accountDomain}" is not in the store; add it to accounts.csv or leave account_domain empty`,
        });
        continue;
      }
      const before = existing.get(row.email);
      const derived = row.emailAccount !== null && accounts.has(row.emailAccount) ? row.emailAccount : null;
      const values = {
        first_name: row.firstName,
        last_name: row.lastName,
        title: row.title,
        account_domain: row.accountDomain ?? derived,
        lifecycle_stage: row.lifecycleStage,
        do_not_contact: flag(row.doNotContact || before?.do_not_contact === 1),
        unsubscribed: flag(row.unsubscribed || before?.unsubscribed === 1),
        created_at: row.createdAt.toISOString(),
      };
      if (before === undefined) {
        inserts.push({ email: row.email, ...values, bounced: 0, updated_at: stamp });
        outcomes.push({ line: row.line, outcome: "inserted" });
      } else if (sameColumns(values, before, COMPARED)) {
        outcomes.push({ line: row.line, outcome: "unchanged" });
      } else {
        await trx
          .updateTable("contacts")
          .set({ ...values, updated_at: stamp })
          .where("email", "=", row.email)
          .execute();
        // Touches carry their contact's account for the guard's per-account lookups; keep them in step.
        if (values.account_domain !== before.account_domain) {
          await trx
            .updateTable("touches")
            .set({ account_domain: values.account_domain })
            .where("contact_email", "=", row.email)
            .execute();
        }
        outcomes.push({ line: row.line, outcome: "updated" });
      }
    }
    for (const chunk of chunked(inserts, 100)) await trx.insertInto("contacts").values(chunk).execute();
    return outcomes;
  });
}

function flag(value: boolean): Flag {
  return value ? 1 : 0;
}
