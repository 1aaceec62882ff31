import type { Kysely, Selectable } from "kysely";
import type { ApiKeysTable, Database } from "../schema.ts";

/** An API key as stored: never the secret, only its hash. */
export type ApiKeyRow = Selectable<ApiKeysTable>;

/** Stores a new key's hash and who holds it. */
export async function insertApiKey(db: Kysely<Database>, row: ApiKeyRow): Promise<void> {
  await db.insertInto("api_keys").values(row).execute();
}

/** The live key with this hash at `now` (not revoked, not expired), if any. */
export async function activeKeyByHash(
  db: Kysely<Database>,
  sha256: string,
  now: Date,
): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom("api_keys")
    .selectAll()
    .where("key_sha256", "=", sha256)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.toISOString())]))
    .executeTakeFirst();
}

/** Every key, oldest first, revoked ones included. */
export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return db.selectFrom("api_keys").selectAll().orderBy("created_at").orderBy("id").execute();
}

/** How many keys still work at `at`: neither revoked nor expired. */
export async function countActiveKeys(db: Kysely<Database>, at: Date = new Date()): Promise<number> {
  const row = await db
    .selectFrom("api_keys")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at.toISOString())]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes a key by id or name; returns how many keys it revoked. */
export async function revokeApiKey(db: Kysely<Database>, idOrName: string, at: Date): Promise<number> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: at.toISOString() })
    .where((eb) => eb.or([eb("id", "=", idOrName), eb("name", "=", idOrName)]))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
