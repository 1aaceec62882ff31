import { createHash } from "node:crypto";

/** The parts of an LLM HTTP request that decide its answer; headers, ids and the host are left out. */
export interface NormalisedRequest {
  readonly method: string;
  /** The URL path without host or query, e.g. `/v1/chat/completions`, so a recording replays on any base URL. */
  readonly path: string;
  /** The JSON body minus volatile fields, or the raw text when the body is not JSON. */
  readonly body: unknown;
}

// Per-caller or per-request fields that do not change what the model answers.
const VOLATILE_BODY_KEYS = new Set(["user", "metadata", "request_id", "idempotency_key", "service_tier"]);

/** Reduces a request to what decides its answer: method, path and body without volatile fields. */
export function normaliseRequest(method: string, url: string, bodyText: string | null): NormalisedRequest {
  const path = new URL(url).pathname.replace(/\/+$/, "") || "/";
  let body: unknown = bodyText ?? null;
  if (bodyText) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = bodyText;
    }
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    body = Object.fromEntries(Object.entries(body).filter(([k]) => !VOLATILE_BODY_KEYS.has(k)));
  }
  return { method: method.toUpperCase(), path, body };
}

/** JSON with object keys sorted at every depth and `undefined` fields dropped, so equal data prints equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The sha256 (hex) of a normalised request's canonical JSON: the recording's file name. */
export function requestKey(request: NormalisedRequest): string {
  return createHash("sha256").update(canonicalJson(request), "utf8").digest("hex");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== "object") return value;
  // fromEntries, not assignment, so a "__proto__" key stays a plain key.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => [key, sortKeys(field)]),
  );
}
