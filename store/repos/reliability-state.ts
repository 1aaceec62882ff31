import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Saved reliability state by key (`provider:openai`, `agent:deal-closer`, `budget:deal-closer`). */
export type ReliabilityState = Readonly<
  Record<string, { readonly state: unknown; readonly updatedAt: string }>
>;

/** Writes one key's state, replacing what was there. */
export async function saveReliabilityState(
  db: Kysely<Database>,
  key: string,
  state: unknown,
  at: Date,
): Promise<void> {
  const row = { key, state: JSON.stringify(state), updated_at: at.toISOString() };
  await db
    .insertInto("reliability_state")
    .values(row)
    .onConflict((oc) => oc.column("key").doUpdateSet({ state: row.state, updated_at: row.updated_at }))
    .execute();
}

/** Every saved key's state. */
export async function loadReliabilityState(db: Kysely<Database>): Promise<ReliabilityState> {
  const rows = await db.selectFrom("reliability_state").selectAll().execute();
  return Object.fromEntries(
    rows.map((r) => [r.key, { state: JSON.parse(r.state) as unknown, updatedAt: r.updated_at }]),
  );
}
