import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

const PERSONAL_ID_KEY = "personal_id_key";

/**
 * The store's key for non-personal ids (thread names for contacts), made at random the first time it is asked
 * for and the same ever after, so ids stay stable across restarts but cannot be recomputed from an email alone.
 */
export async function personalIdKey(db: Kysely<Database>): Promise<string> {
  const read = () =>
    db.selectFrom("store_secrets").select("value").where("name", "=", PERSONAL_ID_KEY).executeTakeFirst();
  const found = await read();
  if (found) return found.value;
  await db
    .insertInto("store_secrets")
    .values({ name: PERSONAL_ID_KEY, value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const made = await read();
  if (!made) throw new Error("the store's personal id key could not be saved");
  return made.value;
}
