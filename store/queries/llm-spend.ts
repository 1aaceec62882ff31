import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Tokens (input + output) and US dollars spent by LLM calls. */
export interface Spend {
  readonly tokens: number;
  readonly usd: number;
}

/** What the ledger holds for one scope: a run, a thread, or everything since a time; optionally one agent. */
export async function llmSpend(
  db: Kysely<Database>,
  scope: { runId?: string; threadId?: string; since?: Date; agent?: string },
): Promise<Spend> {
  let query = db
    .selectFrom("llm_calls")
    .select([
      sql<number>`coalesce(sum(input_tokens + output_tokens), 0)`.as("tokens"),
      sql<number>`coalesce(sum(cost_usd), 0)`.as("usd"),
    ]);
  if (scope.runId !== undefined) query = query.where("run_id", "=", scope.runId);
  if (scope.threadId !== undefined) query = query.where("thread_id", "=", scope.threadId);
  if (scope.since !== undefined) query = query.where("created_at", ">=", scope.since.toISOString());
  if (scope.agent !== undefined) query = query.where("agent", "=", scope.agent);
  const row = await query.executeTakeFirst();
  return { tokens: Number(row?.tokens ?? 0), usd: Math.round(Number(row?.usd ?? 0) * 1e9) / 1e9 };
}
