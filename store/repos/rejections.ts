import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Records one refused input; the payload itself is not kept, only its hash and size, so no personal data lands here. */
export async function recordRejection(
  db: Kysely<Database>,
  rejection: { source: string; kind: string; issues: readonly string[]; payload: string; at: Date },
): Promise<void> {
  await db
    .insertInto("rejections")
    .values({
      source: rejection.source,
      kind: rejection.kind,
      // Quoted values are what the sender wrote (an email, a name): the field and the rule are enough to keep.
      issues: JSON.stringify(rejection.issues.map((issue) => issue.replace(/"[^"]*"/g, '"…"'))),
      payload_sha256: createHash("sha256").update(rejection.payload).digest("hex"),
      payload_chars: rejection.payload.length,
      received_at: rejection.at.toISOString(),
    })
    .execute();
}

/** The most recent rejections, newest first. */
export async function recentRejections(db: Kysely<Database>, limit = 20) {
  return db.selectFrom("rejections").selectAll().orderBy("seq", "desc").limit(limit).execute();
}
