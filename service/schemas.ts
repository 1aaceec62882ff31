import { z } from "zod";
import { ATTRIBUTION_MODELS } from "../domain/attribution/index.ts";
import { MAX_SERIES_MONTHS } from "../runtime/report/series.ts";

/** `POST /v1/chat`: one turn of a conversation. */
export const ChatBody = z
  .object({
    text: z.string().min(1).max(4_000).describe("What you need, in plain words"),
    conversation_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Continue this conversation; a new one is started when absent"),
  })
  .strict();

/** `POST /v1/approvals/{id}/approve|reject`: an optional note kept with the decision. */
export const DecisionBody = z
  .object({ note: z.string().max(2_000).optional().describe("A note kept with the decision") })
  .strict();

/** `POST /v1/approvals/{id}/edit`: the CLI's edit fields, at least one of them. */
export const EditBody = DecisionBody.extend({
  subject: z.string().max(300).optional().describe("New subject line"),
  body: z.string().min(1).max(20_000).optional().describe("New message text"),
  discount: z.number().min(0).max(100).optional().describe("New discount or share, percent"),
  terms: z.string().min(1).max(5_000).optional().describe("New terms"),
}).strict();

/** `POST /v1/dlq/{id}/discard`: why it is discarded. */
export const DiscardBody = z.object({ reason: z.string().min(1).max(500).optional() }).strict();

/** `POST /v1/events` query. */
export const EventsQuery = z
  .object({ wait: z.enum(["true", "false"]).optional().describe("Wait for the outcome instead of 202") })
  .strict();

/** `GET /v1/runs` query, as `growth runs`. */
export const RunsQuery = z
  .object({
    status: z.string().optional().describe("Only runs with this status"),
    limit: z.coerce.number().int().min(1).max(500).optional().describe("How many, newest first"),
  })
  .strict();

/** `GET /v1/report` query, as `growth report`. */
export const ReportQuery = z
  .object({
    model: z
      .string()
      .optional()
      .describe(`Attribution model: ${ATTRIBUTION_MODELS.join(", ")}`),
    from: z.string().optional().describe("Window start, ISO 8601"),
    to: z.string().optional().describe("Window end, ISO 8601; a date alone means the end of that day"),
  })
  .strict();

/** `GET /v1/report/series` query. */
export const ReportSeriesQuery = z
  .object({
    months: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SERIES_MONTHS)
      .optional()
      .describe(
        `How many calendar months, up to the newest activity (default 12, at most ${MAX_SERIES_MONTHS})`,
      ),
  })
  .strict();

/** `GET /v1/usage` query, as `growth usage`. */
export const UsageQuery = z
  .object({
    by: z.string().optional().describe("agent, model or day"),
    since: z.string().optional().describe("A date, a date-time, or a span like 24h"),
  })
  .strict();

/** `GET /v1/dlq` query. */
export const DlqQuery = z
  .object({ all: z.enum(["true", "false"]).optional().describe("Include redriven and discarded ones") })
  .strict();

/** Every error the API answers with. */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
