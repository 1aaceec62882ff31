import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Runs per kind and status, as the store holds them now. */
export async function runsByKindAndStatus(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("runs")
    .select(["kind", "status", db.fn.countAll<number>().as("n")])
    .groupBy(["kind", "status"])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
}

/** Pending approvals: how many, and when the oldest was asked for (null with none). */
export async function pendingApprovals(db: Kysely<Database>) {
  const row = await db
    .selectFrom("approvals")
    .select([db.fn.countAll<number>().as("n"), db.fn.min("created_at").as("oldest")])
    .where("status", "=", "pending")
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: (row?.oldest as string | null | undefined) ?? null };
}

/** LLM calls, tokens and cost per model, agent and outcome, from the ledger (playbook fallback markers excluded). */
export async function llmTotals(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("llm_calls")
    .select([
      "provider",
      "model",
      "agent",
      "outcome",
      db.fn.countAll<number>().as("calls"),
      db.fn.sum<number>("input_tokens").as("input"),
      db.fn.sum<number>("output_tokens").as("output"),
      db.fn.sum<number>("cost_usd").as("cost"),
    ])
    .where("outcome", "!=", "fallback")
    .groupBy(["provider", "model", "agent", "outcome"])
    .execute();
  return rows.map((r) => ({
    model: `${r.provider}:${r.model}`,
    agent: r.agent,
    outcome: r.outcome,
    calls: Number(r.calls),
    input: Number(r.input ?? 0),
    output: Number(r.output ?? 0),
    cost: Number(r.cost ?? 0),
  }));
}

/** Dead letters per node and status. */
export async function deadLettersByNode(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("dead_letters")
    .select(["node", "status", db.fn.countAll<number>().as("n")])
    .groupBy(["node", "status"])
    .execute();
  return rows.map((r) => ({ node: r.node, status: r.status, n: Number(r.n) }));
}
