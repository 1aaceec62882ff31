import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Every account's domain and name, for resolving the company names a CRM export gives to domains. */
export async function accountNames(db: Kysely<Database>): Promise<{ domain: string; name: string }[]> {
  return db.selectFrom("accounts").select(["domain", "name"]).execute();
}
