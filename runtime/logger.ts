import pino, { type Logger } from "pino";
import { logIds } from "../telemetry/tracing.ts";

/** Keys whose values never reach a log line: secrets, personal data and message bodies. */
export const REDACT_PATHS = [
  "*.apiKey",
  "*.api_key",
  "*.authorization",
  "*.password",
  "*.token",
  "*.email",
  "*.contactEmail",
  "*.contact_email",
  "*.*.email",
  "*.entityId",
  "*.entity_id",
  "*.recipient",
  "*.idempotencyKey",
  "*.idempotency_key",
  "*.to",
  "*.body",
  "*.subject",
  "*.content",
  "*.messages",
  "headers.authorization",
  "apiKey",
  "email",
  "entity_id",
  "body",
];

// An email address anywhere in a logged string (an error message, a key), whatever field holds it.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Replaces every email address in logged values with `[email]`, at any depth, for fields no path names. */
export function scrubEmails(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(EMAIL, "[email]");
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubEmails(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubEmails(v, depth + 1)]));
}

/** Creates the one logger a process injects everywhere; CLI output stays on stdout, logs go to stderr. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.GROWTH_LOG_LEVEL ?? "warn";
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: undefined,
      // The active span's trace and span ids (none with tracing off), so a log line finds its trace.
      mixin: logIds,
      // Named keys are redacted; an email inside free text (an error message, a key) is scrubbed here.
      formatters: { log: (object) => scrubEmails(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrubEmails(a) : a)) as typeof args);
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}

export type { Logger };
