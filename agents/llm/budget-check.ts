import type { AgentId } from "../../domain/agents.ts";
import { PolicyError } from "../../domain/errors.ts";
import { BUDGET_SCOPES, type BudgetScope, type Budgets, limitFor } from "../../models/budgets.ts";
import type { LlmCallContext } from "./run-context.ts";

/** Tokens and dollars spent so far in one scope (the runtime reads them from the ledger). */
export type SpendOf = (scope: {
  runId?: string;
  threadId?: string;
  since?: Date;
  agent?: string;
}) => Promise<{ tokens: number; usd: number }>;

/**
 * Throws a `budget_exhausted` PolicyError when a run, conversation or UTC-day budget that applies to the
 * agent is spent; the runner then serves the agent from its playbook.
 */
export async function checkBudgets(
  budgets: Budgets,
  spendOf: SpendOf,
  agent: AgentId,
  context: LlmCallContext,
  now: Date,
): Promise<void> {
  for (const scope of BUDGET_SCOPES) {
    const applies = limitFor(budgets, agent, scope);
    const where = scopeOf(scope, context, now);
    if (!applies || !where) continue;
    const spent = await spendOf({ ...where, ...(applies.ownSpend ? { agent } : {}) });
    const { tokens, usd } = applies.limit;
    const over =
      tokens !== undefined && spent.tokens >= tokens
        ? `${spent.tokens} of ${tokens} tokens`
        : usd !== undefined && spent.usd >= usd
          ? `$${spent.usd} of $${usd}`
          : null;
    if (over) {
      throw new PolicyError(
        "budget_exhausted",
        `The ${scope} budget${applies.ownSpend ? ` of ${agent}` : ""} is spent (${over}); the playbook answers. Raise GROWTH_BUDGET_${scope.toUpperCase()}_TOKENS/_USD or wait for the next ${scope === "day" ? "UTC day" : scope}.`,
        { details: { agent, scope, spent, limit: applies.limit } },
      );
    }
  }
}

function scopeOf(
  scope: BudgetScope,
  context: LlmCallContext,
  now: Date,
): { runId?: string; threadId?: string; since?: Date } | null {
  if (scope === "run") return context.runId ? { runId: context.runId } : null;
  if (scope === "conversation") {
    return context.threadId?.startsWith("chat:") ? { threadId: context.threadId } : null;
  }
  return { since: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) };
}
