import pino, { type Logger } from "pino";

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

/** Creates the one logger a process injects everywhere; CLI output stays on stdout, logs go to stderr. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.GROWTH_LOG_LEVEL ?? "warn";
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: undefined },
    options.destination ?? pino.destination(2),
  );
}

export type { Logger };
