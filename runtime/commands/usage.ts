import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { loadModelConfig } from "../../models/config.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { budgetLines, budgetReport } from "../budget-report.ts";
import { withContext } from "../context.ts";
import { sumUsage, usageTable } from "../render.ts";

const GROUPINGS = ["agent", "model", "day"] as const;
type Grouping = (typeof GROUPINGS)[number];

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

/** `growth usage`: LLM calls, tokens and cost from the ledger, by agent, model or day. */
export function usageCommand(): Command {
  return new Command("usage")
    .description(
      "summarise the LLM ledger: calls, input/cached/output tokens and cost by agent, model or day",
    )
    .option("--by <grouping>", `group by ${GROUPINGS.join(", ")}`, "agent")
    .option("--since <time>", "only calls from this time: a date, a date-time, or a span like 24h or 7d")
    .option("--json", "print JSON")
    .action(async (options: { by: string; since?: string; json?: boolean }, command: Command) => {
      if (!(GROUPINGS as readonly string[]).includes(options.by)) {
        throw new UserError(
          "grouping_unknown",
          `--by "${options.by}" is unknown; use one of ${GROUPINGS.join(", ")}.`,
        );
      }
      const by = options.by as Grouping;
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const { budgets } = loadModelConfig(process.env).config;
      await withContext(command, async ({ store }) => {
        const lines = await usageSummary(store.db, by, since ? { since } : {});
        const budget = await budgetReport(store, budgets);
        if (options.json) {
          const { key: _total, ...total } = sumUsage(lines);
          console.log(
            JSON.stringify(
              {
                by,
                since: since?.toISOString() ?? null,
                lines: lines.map(({ key, ...rest }) => ({ [by]: key, ...rest })),
                total,
                budgets: budget,
              },
              null,
              2,
            ),
          );
          return;
        }
        if (since) console.log(`LLM usage since ${since.toISOString()}, by ${by}:`);
        else console.log(`LLM usage, by ${by}:`);
        console.log(usageTable(lines, by));
        for (const line of budgetLines(budget)) console.log(line);
      });
    });
}
