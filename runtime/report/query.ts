import { ATTRIBUTION_MODELS, parseAttributionModel } from "../../domain/attribution/index.ts";
import { UserError } from "../../domain/errors.ts";
import { isDateOnly, parseIsoTime } from "../import/index.ts";
import { DEFAULT_REPORT_MODEL, type ReportOptions } from "./build.ts";

const DAY_MS = 86_400_000;

/** Validates the report options (model, --from, --to) as the CLI and the HTTP API take them. */
export function reportQuery(options: { model?: string; from?: string; to?: string }): ReportOptions {
  const name = options.model ?? DEFAULT_REPORT_MODEL;
  const model = parseAttributionModel(name);
  if (model === null) {
    throw new UserError(
      "report_model_unknown",
      `--model "${name}" is not an attribution model; use one of ${ATTRIBUTION_MODELS.join(", ")}.`,
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
  return { from, to, model };
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
