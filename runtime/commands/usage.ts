import { Command } from "commander";
import { loadModelConfig } from "../../models/config.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { budgetLines, budgetReport } from "../budget-report.ts";
import { requireStore, withContext } from "../context.ts";
import { USAGE_GROUPINGS, usageQuery, usageReport } from "../queries/usage.ts";
import { usageTable } from "../render.ts";

export { parseSince } from "../queries/usage.ts";

/** `growth usage`: LLM calls, tokens and cost from the ledger, by agent, model or day. */
export function usageCommand(): Command {
  return new Command("usage")
    .description(
      "summarise the LLM ledger: calls, input/cached/output tokens and cost by agent, model or day",
    )
    .option("--by <grouping>", `group by ${USAGE_GROUPINGS.join(", ")}`, "agent")
    .option("--since <time>", "only calls from this time: a date, a date-time, or a span like 24h or 7d")
    .option("--json", "print JSON")
    .action(async (options: { by: string; since?: string; json?: boolean }, command: Command) => {
      requireStore(command);
      const { by, since } = usageQuery(options);
      const { budgets } = loadModelConfig(process.env).config;
      await withContext(command, async ({ store }) => {
        if (options.json) {
          console.log(JSON.stringify(await usageReport(store, options, budgets), null, 2));
          return;
        }
        const lines = await usageSummary(store.db, by, since ? { since } : {});
        if (since) console.log(`LLM usage since ${since.toISOString()}, by ${by}:`);
        else console.log(`LLM usage, by ${by}:`);
        console.log(usageTable(lines, by));
        for (const line of budgetLines(await budgetReport(store, budgets))) console.log(line);
      });
    });
}
