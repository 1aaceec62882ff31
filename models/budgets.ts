import { z } from "zod";
import { AGENT_IDS, type AgentId } from "../domain/agents.ts";
import { positive } from "./positive-setting.ts";

/** A limit in tokens (input + output) and in US dollars; either may be absent (no limit). */
export const Limit = z
  .object({
    tokens: z.number().positive().optional().describe("Most tokens, input and output together"),
    usd: z.number().positive().optional().describe("Most spend in US dollars"),
  })
  .strict();
export type Limit = z.infer<typeof Limit>;

/** The scopes a budget counts over: one run, one chat conversation, one UTC day. */
export const BUDGET_SCOPES = ["run", "conversation", "day"] as const;
export type BudgetScope = (typeof BUDGET_SCOPES)[number];

const Scoped = z
  .object({ run: Limit.optional(), conversation: Limit.optional(), day: Limit.optional() })
  .strict();

/** The `budgets` part of the model config file: limits for all agents, and per-agent overrides. */
export const BudgetsFile = Scoped.extend({
  agents: z.partialRecord(z.enum(AGENT_IDS), Scoped).optional(),
}).strict();
export type BudgetsFile = z.infer<typeof BudgetsFile>;

/** Budgets as the runner uses them. */
export interface Budgets {
  readonly all: Readonly<Partial<Record<BudgetScope, Limit>>>;
  readonly agents: Readonly<Partial<Record<AgentId, Partial<Record<BudgetScope, Limit>>>>>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads budgets from `GROWTH_BUDGET_<SCOPE>_TOKENS` / `GROWTH_BUDGET_<SCOPE>_USD` (env wins) and the file's
 * `budgets`; a value that is not a positive number names the setting.
 */
export function loadBudgets(env: Env, file: BudgetsFile | undefined): Budgets {
  const all: Partial<Record<BudgetScope, Limit>> = {};
  for (const scope of BUDGET_SCOPES) {
    const base = file?.[scope] ?? {};
    const name = `GROWTH_BUDGET_${scope.toUpperCase()}`;
    const set = (key: string) => (env[key]?.trim() ?? "") !== "";
    const tokens = set(`${name}_TOKENS`) ? positive(env, `${name}_TOKENS`, 0) : base.tokens;
    const usd = set(`${name}_USD`) ? positive(env, `${name}_USD`, 0) : base.usd;
    if (tokens !== undefined || usd !== undefined) {
      all[scope] = { ...(tokens !== undefined ? { tokens } : {}), ...(usd !== undefined ? { usd } : {}) };
    }
  }
  return { all, agents: file?.agents ?? {} };
}

/** The limit that applies to an agent in a scope, and whether it counts only that agent's spend. */
export function limitFor(
  budgets: Budgets,
  agent: AgentId,
  scope: BudgetScope,
): { limit: Limit; ownSpend: boolean } | null {
  const own = budgets.agents[agent]?.[scope];
  if (own) return { limit: own, ownSpend: true };
  const all = budgets.all[scope];
  return all ? { limit: all, ownSpend: false } : null;
}
