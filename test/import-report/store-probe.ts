import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../store/db.ts";

/** The CSV fixtures folder. */
export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "csv");

/** A fresh store file path in its own temporary folder. */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), "growth-import-")), "growth.db");
}

const TABLES = ["accounts", "contacts", "opportunities", "opportunity_stage_history", "touches"] as const;

/** Every CRM row the import can write, table by table, in a stable order (for before/after comparisons). */
export async function dumpCrm(file: string): Promise<Record<(typeof TABLES)[number], unknown[]>> {
  const store = await openStore(file);
  try {
    const db = store.db;
    return {
      accounts: await db.selectFrom("accounts").selectAll().orderBy("domain").execute(),
      contacts: await db.selectFrom("contacts").selectAll().orderBy("email").execute(),
      opportunities: await db.selectFrom("opportunities").selectAll().orderBy("id").execute(),
      opportunity_stage_history: await db
        .selectFrom("opportunity_stage_history")
        .selectAll()
        .orderBy("id")
        .execute(),
      touches: await db.selectFrom("touches").selectAll().orderBy("id").execute(),
    };
  } finally {
    await store.close();
  }
}

/** Row counts of the CRM tables the import writes. */
export async function countCrm(file: string): Promise<Record<(typeof TABLES)[number], number>> {
  const dump = await dumpCrm(file);
  return Object.fromEntries(TABLES.map((t) => [t, dump[t].length])) as Record<
    (typeof TABLES)[number],
    number
  >;
}
