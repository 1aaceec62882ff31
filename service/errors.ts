import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { GrowthError } from "../domain/errors.ts";

/** An error the service answers with a status of its own choosing (auth, limits, bad transport). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// Codes whose status is not the default of their kind: unknown ids are 404, decided or closed ones 409.
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  approval_decided: 409,
  dead_letter_closed: 409,
  run_not_waiting: 409,
};

/** The one place the error tree becomes HTTP statuses: `{ error: { code, message } }` for every failure. */
export function statusOf(error: unknown): { status: ContentfulStatusCode; code: string; message: string } {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return { status, code: status === 504 ? "timeout" : "http_error", message: error.message };
  }
  if (error instanceof GrowthError) {
    const byCode = STATUS_BY_CODE[error.code];
    if (byCode) return { status: byCode, code: error.code, message: error.message };
    if (error.kind === "user") {
      const unknown = error.code.endsWith("_unknown") && typeof error.details.missing === "string";
      return { status: unknown ? 404 : 400, code: error.code, message: error.message };
    }
    if (error.kind === "policy") return { status: 422, code: error.code, message: error.message };
    if (error.kind === "system" && error.errorClass === "transient")
      return { status: 503, code: error.code, message: error.message };
  }
  return {
    status: 500,
    code: "internal",
    message: "The server failed; the error is logged. Try again later.",
  };
}

/** Hono's error handler: maps any thrown value to its status and JSON body. */
export function onError(log: (error: unknown) => void) {
  return function handleError(error: Error, c: Context) {
    const mapped = statusOf(error);
    if (mapped.status === 500) log(error);
    if (error instanceof ApiError) for (const [k, v] of Object.entries(error.headers)) c.header(k, v);
    return c.json({ error: { code: mapped.code, message: mapped.message } }, mapped.status);
  };
}

/** The 404 for a path nothing serves. */
export function notFound(c: Context) {
  return c.json(
    {
      error: { code: "not_found", message: `Nothing is served at ${c.req.method} ${c.req.path}; see /docs.` },
    },
    404,
  );
}
