import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Starts a BD sequence; starting the same sequence id again is a no-op. */
export async function startSequence(
  db: Kysely<Database>,
  sequence: {
    id: string;
    contactEmail: string;
    accountDomain: string | null;
    agent: string;
    cluster: string;
    startedAt: Date;
    endsAt: Date | null;
  },
): Promise<void> {
  await db
    .insertInto("sequences")
    .values({
      id: sequence.id,
      contact_email: sequence.contactEmail,
      account_domain: sequence.accountDomain,
      agent: sequence.agent,
      cluster: sequence.cluster,
      status: "active",
      started_at: sequence.startedAt.toISOString(),
      ends_at: sequence.endsAt ? sequence.endsAt.toISOString() : null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Active sequences touching a contact or an account at `now` (ended ones excluded). */
export async function activeSequences(
  db: Kysely<Database>,
  where: { contactEmail: string | null; accountDomain: string | null; now: Date },
): Promise<
  { id: string; contactEmail: string; accountDomain: string | null; agent: string; cluster: string }[]
> {
  if (!where.contactEmail && !where.accountDomain) return [];
  const now = where.now.toISOString();
  const rows = await db
    .selectFrom("sequences")
    .selectAll()
    .where("status", "=", "active")
    .where((eb) =>
      eb.or([
        ...(where.contactEmail ? [eb("contact_email", "=", where.contactEmail)] : []),
        ...(where.accountDomain ? [eb("account_domain", "=", where.accountDomain)] : []),
      ]),
    )
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)]))
    .where("started_at", "<=", now)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contactEmail: r.contact_email,
    accountDomain: r.account_domain,
    agent: r.agent,
    cluster: r.cluster,
  }));
}

/** Cancels a sequence (compensation for a failed play, or a person's decision). */
export async function cancelSequence(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("sequences").set({ status: "cancelled" }).where("id", "=", id).execute();
}
