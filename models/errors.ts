import { TaskCancelledError } from "cockatiel";
import { GrowthError, PolicyError, SystemError } from "../domain/errors.ts";
import type { Provider } from "./spec.ts";

const KEY_VAR: Readonly<Record<Provider, string>> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};

/**
 * Turns whatever a provider SDK threw into our error tree: 429, 408, 409, 5xx, timeouts and connection
 * failures are transient; a content-policy refusal is policy; everything else is permanent.
 */
export function classifyProviderError(error: unknown, provider: Provider, model: string): GrowthError {
  if (error instanceof GrowthError) return error;
  const where = `${provider}:${model}`;
  const details = { provider, model };
  if (
    error instanceof TaskCancelledError ||
    nameOf(error) === "TimeoutError" ||
    /Timeout/.test(nameOf(error))
  ) {
    return new SystemError(
      "model_timeout",
      `${where} did not answer in time; it will be retried, or raise GROWTH_LLM_TIMEOUT_MS.`,
      {
        cause: error,
        transient: true,
        details,
      },
    );
  }
  const status = statusOf(error);
  if (status === undefined) {
    if (nameOf(error) === "AbortError" || nameOf(error) === "APIUserAbortError") {
      return new SystemError("model_aborted", `The call to ${where} was cancelled.`, {
        cause: error,
        details,
      });
    }
    return new SystemError(
      "model_unreachable",
      `${where} is not reachable: check the network and the provider's base URL.`,
      { cause: error, transient: true, details },
    );
  }
  const withStatus = { ...details, status };
  if (status === 429) {
    const retryAfterMs = retryAfterOf(error);
    return new SystemError(
      "model_rate_limited",
      `${where} is rate limiting us (429); retrying after a pause.`,
      {
        cause: error,
        transient: true,
        details: { ...withStatus, retryAfterMs },
      },
    );
  }
  if (status === 408 || status === 409 || status >= 500) {
    return new SystemError("model_unavailable", `${where} failed with ${status}; it will be retried.`, {
      cause: error,
      transient: true,
      details: { ...withStatus, retryAfterMs: retryAfterOf(error) },
    });
  }
  if (status === 401 || status === 403) {
    return new SystemError(
      "model_auth_failed",
      `${where} refused our key (${status}); check ${KEY_VAR[provider]}.`,
      {
        cause: error,
        details: withStatus,
      },
    );
  }
  if (status === 404) {
    return new SystemError(
      "model_not_found",
      `${where} does not exist at this provider; check GROWTH_MODEL.`,
      {
        cause: error,
        details: withStatus,
      },
    );
  }
  if (/content[_ ]policy|safety|moderation/i.test(messageOf(error))) {
    return new PolicyError(
      "model_policy_refused",
      `${where} refused the request on content policy grounds.`,
      {
        cause: error,
        details: withStatus,
      },
    );
  }
  return new SystemError(
    "model_request_rejected",
    `${where} rejected the request (${status}): ${messageOf(error)}`,
    {
      cause: error,
      details: withStatus,
    },
  );
}

/** How long the provider asked us to wait, from `retry-after-ms` or `Retry-After` (seconds or a date). */
export function retryAfterOf(error: unknown, now: () => number = Date.now): number | null {
  const headers = (error as { headers?: unknown } | null)?.headers;
  const read = (name: string): string | null => {
    if (!headers || typeof headers !== "object") return null;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : null;
  };
  const ms = Number(read("retry-after-ms"));
  if (read("retry-after-ms") !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = read("retry-after");
  if (raw === null || raw.trim() === "") return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now());
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

function nameOf(error: unknown): string {
  if (!error || typeof error !== "object") return "";
  return (error as { name?: string }).name ?? error.constructor?.name ?? "";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
