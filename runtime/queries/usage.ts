import { UserError } from "../../domain/errors.ts";
import type { Budgets } from "../../models/budgets.ts";
import type { Store } from "../../store/db.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { budgetReport } from "../budget-report.ts";
import { sumUsage } from "../render.ts";

/** How the LLM ledger can be grouped. */
export const USAGE_GROUPINGS = ["agent", "model", "day"] as const;
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number];

/**
 * Reads `--since`: an ISO date or date-time (UTC when no zone is given), or a span back from `now` such as
 * `24h`, `7d` or `2w`.
 */
export function parseSince(text: string, now: Date = new Date()): Date {
  const trimmed = text.trim();
  const span = /^(\d+)\s*([hdw])$/i.exec(trimmed);
  if (span) {
    const hours = { h: 1, d: 24, w: 168 }[span[2]!.toLowerCase() as "h" | "d" | "w"];
    return new Date(now.getTime() - Number(span[1]) * hours * 3_600_000);
  }
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(trimmed);
  if (iso) {
    const zoned = iso[1] && !iso[4] ? `${trimmed}Z` : trimmed;
    const at = new Date(zoned);
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new UserError(
    "since_invalid",
    `--since "${text}" is not a time; use a date like 2026-11-01, a date-time like 2026-11-01T09:00Z, or a span like 24h, 7d or 2w.`,
  );
}

/** Validates the usage options: a known grouping (default agent) and a readable `since`. */
export function usageQuery(query: { by?: string; since?: string }): { by: UsageGrouping; since?: Date } {
  const by = (query.by ?? "agent") as UsageGrouping;
  if (!USAGE_GROUPINGS.includes(by)) {
    throw new UserError(
      "grouping_unknown",
      `--by "${query.by}" is unknown; use one of ${USAGE_GROUPINGS.join(", ")}.`,
    );
  }
  return query.since === undefined ? { by } : { by, since: parseSince(query.since) };
}

/**
 * The LLM ledger summed by agent, model or day, optionally since a time, with spend against the budgets, as the
 * CLI's --json prints it.
 */
export async function usageReport(store: Store, query: { by?: string; since?: string }, budgets: Budgets) {
  const { by, since } = usageQuery(query);
  const lines = await usageSummary(store.db, by, since ? { since } : {});
  const { key: _total, ...total } = sumUsage(lines);
  return {
    by,
    since: since?.toISOString() ?? null,
    lines: lines.map(({ key, ...rest }) => ({ [by]: key, ...rest })),
    total,
    budgets: await budgetReport(store, budgets),
  };
}
