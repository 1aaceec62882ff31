import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { UserError } from "../../domain/errors.ts";
import { API_ROLES, ApiRole } from "../../domain/roles.ts";
import {
  type ApiKeyRow,
  activeKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
} from "../../store/repos/api-keys.ts";
import type { Database } from "../../store/schema.ts";

/** A key as people see it: never the secret or its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  role: ApiRole;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}

/** The SHA-256 of a key; keys are 32 random bytes, so a plain hash is enough to make a leaked table useless. */
export function hashKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Creates a key for `name` with `role`, working until revoked or, with `expiresInDays`, until that many days after
 * `at`; the secret is returned once and only its hash is stored.
 */
export async function createKey(
  db: Kysely<Database>,
  input: { name: string; role: string; expiresInDays?: number },
  at: Date = new Date(),
): Promise<{ key: string; view: ApiKeyView }> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new UserError("key_name_invalid", "Give the key a name of 1 to 100 characters: --name <who>.");
  const role = ApiRole.safeParse(input.role);
  if (!role.success)
    throw new UserError(
      "key_role_unknown",
      `Role "${input.role}" is unknown; use one of ${API_ROLES.join(", ")}.`,
    );
  const days = input.expiresInDays;
  if (days !== undefined && !(Number.isFinite(days) && days > 0 && days <= 3650))
    throw new UserError(
      "key_expiry_invalid",
      `--expires-in takes a number of days above 0 and at most 3650, not "${days}".`,
    );
  const key = `ge_${randomBytes(32).toString("base64url")}`;
  const row: ApiKeyRow = {
    id: randomUUID(),
    name,
    role: role.data,
    key_sha256: hashKey(key),
    prefix: key.slice(0, 10),
    created_at: at.toISOString(),
    revoked_at: null,
    expires_at: days === undefined ? null : new Date(at.getTime() + days * 86_400_000).toISOString(),
  };
  await insertApiKey(db, row);
  return { key, view: viewOf(row) };
}

/** Every key, revoked ones included. */
export async function listKeys(db: Kysely<Database>): Promise<ApiKeyView[]> {
  return (await listApiKeys(db)).map(viewOf);
}

/** Revokes the key with this id or name; unknown or already revoked is a user error. */
export async function revokeKey(
  db: Kysely<Database>,
  idOrName: string,
  at: Date = new Date(),
): Promise<number> {
  const n = await revokeApiKey(db, idOrName, at);
  if (n === 0)
    throw new UserError(
      "key_unknown",
      `There is no live key with id or name "${idOrName}"; see \`growth keys list\`.`,
    );
  return n;
}

/** The key a secret belongs to if it is live at `at` (not revoked, not expired), or null. */
export async function authenticateKey(
  db: Kysely<Database>,
  secret: string,
  at: Date = new Date(),
): Promise<ApiKeyView | null> {
  const row = await activeKeyByHash(db, hashKey(secret), at);
  return row ? viewOf(row) : null;
}

function viewOf(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiRole,
    prefix: row.prefix,
    created_at: row.created_at,
    revoked_at: row.revoked_at,
    expires_at: row.expires_at,
  };
}
