import { Command } from "commander";
import { ATTRIBUTION_MODELS } from "../../domain/attribution/index.ts";
import { requireStore, withContext } from "../context.ts";
import { buildReport, DEFAULT_REPORT_MODEL, renderReport, reportJson } from "../report/index.ts";
import { reportQuery } from "../report/query.ts";

/** `growth report [--json] [--model m] [--from t] [--to t]`: pipeline, funnel, win rate, velocity, attribution. */
export function reportCommand(): Command {
  return new Command("report")
    .description("print the growth report: pipeline, funnel, win rate, velocity and attribution")
    .option("--json", "print JSON (money in decimal currency units, rates as fractions, null when undefined)")
    .option("--model <model>", `attribution model: ${ATTRIBUTION_MODELS.join(", ")}`, DEFAULT_REPORT_MODEL)
    .option("--from <time>", "window start, ISO 8601 (inclusive)")
    .option("--to <time>", "window end, ISO 8601 (inclusive; a date alone means the end of that day)")
    .action(async function runReport(this: Command) {
      requireStore(this);
      const options = this.opts<{ json?: boolean; model: string; from?: string; to?: string }>();
      const query = reportQuery(options);
      await withContext(this, async ({ store }) => {
        const report = await buildReport(store.db, query);
        console.log(options.json ? JSON.stringify(reportJson(report), null, 2) : renderReport(report));
      });
    });
}
