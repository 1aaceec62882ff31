import type { Context } from "hono";
import type { z } from "zod";
import { describeIssues } from "../domain/events.ts";
import { ApiError } from "./errors.ts";

/** Reads a JSON body: 415 unless it is JSON, 400 when it does not parse or does not match `schema` (fields named). */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseBody(schema, await readRawJson(c));
}

/** Reads a JSON body without a schema (the event intake validates its own). */
export async function readRawJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(
      415,
      "content_type_unsupported",
      `Send the body as JSON with "Content-Type: application/json" (got "${type || "none"}").`,
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError(400, "json_malformed", `The body is not valid JSON (${(cause as Error).message}).`);
  }
}

/** Validates a parsed body; the message names each wrong or unknown field. */
export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(
      400,
      "body_invalid",
      `The body is invalid: ${describeIssues(parsed.error).join("; ")}`,
    );
  return parsed.data;
}

/** Validates the query string against `schema`, naming each wrong or unknown parameter. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success)
    throw new ApiError(
      400,
      "query_invalid",
      `The query is invalid: ${describeIssues(parsed.error).join("; ")}`,
    );
  return parsed.data;
}
