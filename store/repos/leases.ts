import type { Kysely } from "kysely";
import { hotQuery } from "../compiled-query.ts";
import type { Database } from "../schema.ts";

/** Takes the account lease atomically: granted when free, expired, or already ours; never two holders. */
export async function acquireLease(
  db: Kysely<Database>,
  lease: { accountDomain: string; holder: string; runId: string; threadId: string; now: Date; ttlMs: number },
): Promise<{ granted: boolean; holder: string; expiresAt: Date }> {
  const now = lease.now.toISOString();
  const expires = new Date(lease.now.getTime() + lease.ttlMs).toISOString();
  // One statement: insert, or take over only when the current lease is ours or has expired; RETURNING says
  // whether it did, so the answer is atomic with the write even when other connections race for the row.
  for (let attempt = 1; ; attempt++) {
    const [taken] = await takeLease(
      db,
      lease.accountDomain,
      lease.holder,
      lease.runId,
      lease.threadId,
      now,
      expires,
    );
    if (taken) return { granted: true, holder: taken.holder, expiresAt: new Date(taken.expires_at) };
    const current = await getLease(db, lease.accountDomain);
    if (current) return { granted: false, ...current };
    // Released between the two statements: try again (bounded, a release cannot race forever).
    if (attempt >= 3) return { granted: false, holder: "", expiresAt: lease.now };
  }
}

// The guard takes a lease for every account it allows outreach to: compiled once.
const takeLease = hotQuery(
  (db, account: string, holder: string, runId: string, threadId: string, now: string, expires: string) =>
    db
      .insertInto("leases")
      .values({
        account_domain: account,
        holder,
        run_id: runId,
        thread_id: threadId,
        acquired_at: now,
        expires_at: expires,
      })
      .onConflict((oc) =>
        oc
          .column("account_domain")
          .doUpdateSet({ holder, run_id: runId, thread_id: threadId, acquired_at: now, expires_at: expires })
          .where((eb) => eb.or([eb("leases.expires_at", "<=", now), eb("leases.holder", "=", holder)])),
      )
      .returning(["holder", "expires_at"]),
);

/** The current lease on an account, if any (expired ones included; callers compare with now). */
export async function getLease(
  db: Kysely<Database>,
  accountDomain: string,
): Promise<{ holder: string; expiresAt: Date } | null> {
  const row = await db
    .selectFrom("leases")
    .select(["holder", "expires_at"])
    .where("account_domain", "=", accountDomain)
    .executeTakeFirst();
  return row ? { holder: row.holder, expiresAt: new Date(row.expires_at) } : null;
}

/** Releases every lease a holder has; returns how many. */
export async function releaseLeases(db: Kysely<Database>, holder: string): Promise<number> {
  const result = await db.deleteFrom("leases").where("holder", "=", holder).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Leases still held at `now` (not expired). */
export async function heldLeases(
  db: Kysely<Database>,
  now: Date,
): Promise<{ accountDomain: string; holder: string; expiresAt: Date }[]> {
  const rows = await db
    .selectFrom("leases")
    .selectAll()
    .where("expires_at", ">", now.toISOString())
    .execute();
  return rows.map((r) => ({
    accountDomain: r.account_domain,
    holder: r.holder,
    expiresAt: new Date(r.expires_at),
  }));
}
