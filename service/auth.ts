import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import { type ApiRole, roleAllows } from "../domain/roles.ts";
import { authenticateKey } from "../runtime/keys/index.ts";
import type { Database } from "../store/schema.ts";
import type { ServiceEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

/** The key a request carries: `Authorization: Bearer <key>` or `x-api-key: <key>` (what the LangGraph SDK sends). */
export function keyOf(headers: { header(name: string): string | undefined }): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.header("authorization") ?? "");
  return bearer?.[1] ?? headers.header("x-api-key")?.trim() ?? null;
}

/** Refuses a request without a live key at `clock()` (401); otherwise makes the key available to handlers. */
export function authenticate(
  db: Kysely<Database>,
  clock: () => Date = () => new Date(),
): MiddlewareHandler<ServiceEnv> {
  return async function authenticateRequest(c, next) {
    const secret = keyOf(c.req);
    if (!secret)
      throw new ApiError(
        401,
        "key_missing",
        "Send an API key as `Authorization: Bearer <key>` or `x-api-key`; create one with `growth keys create`.",
        { "WWW-Authenticate": "Bearer" },
      );
    const key = await authenticateKey(db, secret, clock());
    if (!key)
      throw new ApiError(
        401,
        "key_invalid",
        "The API key is unknown, revoked or expired; ask an admin for a new one.",
        {
          "WWW-Authenticate": "Bearer",
        },
      );
    c.set("key", key);
    await next();
  };
}

/** Refuses (403) a key whose role is below `needed`; viewer < operator < approver < admin. */
export function requireRole(needed: ApiRole): MiddlewareHandler<ServiceEnv> {
  return async function checkRole(c, next) {
    const key = c.get("key");
    if (!roleAllows(key.role, needed))
      throw new ApiError(
        403,
        "role_insufficient",
        `Key "${key.name}" is a ${key.role}; this needs ${needed} or above.`,
      );
    await next();
  };
}
