import { Command } from "commander";
import { ATTRIBUTION_MODELS, parseAttributionModel } from "../../domain/attribution/index.ts";
import { UserError } from "../../domain/errors.ts";
import { requireStore, withContext } from "../context.ts";
import { isDateOnly, parseIsoTime } from "../import/index.ts";
import { buildReport, DEFAULT_REPORT_MODEL, renderReport, reportJson } from "../report/index.ts";

const DAY_MS = 86_400_000;

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
      const model = parseAttributionModel(options.model);
      if (model === null) {
        throw new UserError(
          "report_model_unknown",
          `--model "${options.model}" is not an attribution model; use one of ${ATTRIBUTION_MODELS.join(", ")}.`,
        );
      }
      const from = options.from === undefined ? undefined : windowEdge("--from", options.from, false);
      const to = options.to === undefined ? undefined : windowEdge("--to", options.to, true);
      if (from && to && from > to) {
        throw new UserError(
          "report_window_empty",
          `--from ${options.from} is after --to ${options.to}; swap them.`,
        );
      }
      await withContext(this, async ({ store }) => {
        const report = await buildReport(store.db, { from, to, model });
        console.log(options.json ? JSON.stringify(reportJson(report), null, 2) : renderReport(report));
      });
    });
}

// A date alone as --to means the whole day, so `--to 2025-03-31` includes deals closed that afternoon.
function windowEdge(flag: string, text: string, end: boolean): Date {
  const at = parseIsoTime(text);
  if (at === null) {
    throw new UserError(
      "report_window_invalid",
      `${flag} "${text}" is not an ISO 8601 date or time; write it like 2025-03-31 or 2025-03-31T14:00:00Z.`,
    );
  }
  return end && isDateOnly(text) ? new Date(at.getTime() + DAY_MS - 1) : at;
}
