import { BUDGET_SCOPES, type Budgets } from "../models/budgets.ts";
import type { Store } from "../store/db.ts";
import { llmSpend } from "../store/queries/llm-spend.ts";

/** Budgets against spend: today's (UTC) spend for the day budgets, the limits of the run and conversation ones. */
export async function budgetReport(store: Store, budgets: Budgets, now: Date = new Date()) {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const today = await llmSpend(store.db, { since: midnight });
  const scopes = Object.fromEntries(
    BUDGET_SCOPES.filter((s) => budgets.all[s]).map((s) => [
      s,
      { limit: budgets.all[s], ...(s === "day" ? { spent: today } : {}) },
    ]),
  );
  const agents: Record<string, unknown> = {};
  for (const [agent, limits] of Object.entries(budgets.agents)) {
    const day = limits?.day ? await llmSpend(store.db, { since: midnight, agent }) : null;
    agents[agent] = { ...limits, ...(day ? { day: { limit: limits?.day, spent: day } } : {}) };
  }
  return { today, scopes, agents };
}

/** One line per budget, e.g. `budget day: 1200 of 50000 tokens, $0.0100 of $5 today`. */
export function budgetLines(report: Awaited<ReturnType<typeof budgetReport>>): string[] {
  const lines: string[] = [];
  for (const [scope, entry] of Object.entries(report.scopes)) {
    const e = entry as { limit: { tokens?: number; usd?: number }; spent?: { tokens: number; usd: number } };
    const parts: string[] = [];
    if (e.limit.tokens !== undefined)
      parts.push(`${e.spent ? `${e.spent.tokens} of ` : ""}${e.limit.tokens} tokens`);
    if (e.limit.usd !== undefined) parts.push(`${e.spent ? `$${e.spent.usd} of ` : ""}$${e.limit.usd}`);
    lines.push(`budget per ${scope}: ${parts.join(", ")}${e.spent ? " spent today (UTC)" : ""}`);
  }
  for (const agent of Object.keys(report.agents)) lines.push(`budget override for ${agent} (see --json)`);
  return lines.length > 0 ? lines : ["no budgets set (GROWTH_BUDGET_RUN|CONVERSATION|DAY_TOKENS|USD)"];
}
