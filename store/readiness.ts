import { Migrator, sql } from "kysely";
import type { Store } from "./db.ts";
import { migrations } from "./migrations/index.ts";

/** Whether the store answers a query and has every migration applied; the reason when it is not ready. */
export async function storeReadiness(store: Store): Promise<{ ready: boolean; reason: string | null }> {
  try {
    await sql`select 1`.execute(store.db);
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => migrations(store.dialect) },
    });
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
    if (pending.length > 0) return { ready: false, reason: `migrations pending: ${pending.join(", ")}` };
    return { ready: true, reason: null };
  } catch (error) {
    return { ready: false, reason: `the store does not answer: ${(error as Error).message}` };
  }
}
