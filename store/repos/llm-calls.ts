import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, LlmCallsTable } from "../schema.ts";

/** A ledger row as stored. */
export type LlmCallRow = Selectable<LlmCallsTable>;

/** What happened on one attempt: ok, repaired (output invalid, sent back once), invalid, error, rejected, fallback. */
export type LlmCallOutcome = "ok" | "repaired" | "invalid" | "error" | "rejected" | "fallback";

/** One attempt at an LLM call, or a playbook fallback (provider `playbook`, no tokens). */
export interface LlmCallRecord {
  runId: string | null;
  threadId: string | null;
  correlationId: string | null;
  agent: string;
  provider: string;
  model: string;
  prompt: { id: string; version: string; hash: string } | null;
  step: number;
  attempt: number;
  usage: { input: number; output: number; cached: number };
  latencyMs: number;
  costUsd: number | null;
  outcome: LlmCallOutcome;
  errorCode: string | null;
  at: Date;
}

/** Appends one row to the ledger. */
export async function recordLlmCall(db: Kysely<Database>, call: LlmCallRecord): Promise<void> {
  await db
    .insertInto("llm_calls")
    .values({
      run_id: call.runId,
      thread_id: call.threadId,
      correlation_id: call.correlationId,
      agent: call.agent,
      provider: call.provider,
      model: call.model,
      prompt_id: call.prompt?.id ?? null,
      prompt_version: call.prompt?.version ?? null,
      prompt_hash: call.prompt?.hash ?? null,
      step: call.step,
      attempt: call.attempt,
      input_tokens: call.usage.input,
      output_tokens: call.usage.output,
      cached_tokens: call.usage.cached,
      latency_ms: call.latencyMs,
      cost_usd: call.costUsd,
      outcome: call.outcome,
      error_code: call.errorCode,
      created_at: call.at.toISOString(),
    })
    .execute();
}

/** A run's ledger rows in the order they were written. */
export async function llmCallsOfRun(db: Kysely<Database>, runId: string): Promise<LlmCallRow[]> {
  return db.selectFrom("llm_calls").selectAll().where("run_id", "=", runId).orderBy("seq").execute();
}

/** One line of `growth usage`: calls, tokens and cost for one agent, model or day. */
export interface UsageLine {
  key: string;
  /** Calls that got an answer (ok, repaired or invalid output). */
  calls: number;
  /** Every attempt sent or refused, failed ones included: the ledger's rows but the fallback markers. */
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  /** Sum over priced calls only. */
  costUsd: number;
  /** Calls whose model had no price, so `costUsd` leaves them out. */
  unpricedCalls: number;
}

/** Totals by agent, by `provider:model`, or by UTC day, largest cost first (ties by key). */
export async function usageSummary(
  db: Kysely<Database>,
  by: "agent" | "model" | "day",
  options: { since?: Date; runId?: string } = {},
): Promise<UsageLine[]> {
  const key =
    by === "agent"
      ? sql<string>`agent`
      : by === "model"
        ? sql<string>`provider || ':' || model`
        : sql<string>`substr(created_at, 1, 10)`;
  let query = db
    .selectFrom("llm_calls")
    .select([
      key.as("key"),
      sql<number>`sum(case when outcome in ('ok', 'repaired', 'invalid') then 1 else 0 end)`.as("calls"),
      sql<number>`count(*)`.as("attempts"),
      sql<number>`coalesce(sum(input_tokens), 0)`.as("input"),
      sql<number>`coalesce(sum(output_tokens), 0)`.as("output"),
      sql<number>`coalesce(sum(cached_tokens), 0)`.as("cached"),
      sql<number>`coalesce(sum(cost_usd), 0)`.as("cost"),
      sql<number>`sum(case when cost_usd is null and provider <> 'playbook' then 1 else 0 end)`.as(
        "unpriced",
      ),
    ])
    .where("outcome", "<>", "fallback");
  if (options.since) query = query.where("created_at", ">=", options.since.toISOString());
  if (options.runId) query = query.where("run_id", "=", options.runId);
  const rows = await query.groupBy(key).execute();
  return rows
    .map((r) => ({
      key: r.key,
      calls: Number(r.calls),
      attempts: Number(r.attempts),
      inputTokens: Number(r.input),
      outputTokens: Number(r.output),
      cachedTokens: Number(r.cached),
      costUsd: Math.round(Number(r.cost) * 1e9) / 1e9,
      unpricedCalls: Number(r.unpriced),
    }))
    .sort((a, b) => b.costUsd - a.costUsd || a.key.localeCompare(b.key));
}
