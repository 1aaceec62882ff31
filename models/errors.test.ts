import { TaskCancelledError } from "cockatiel";
import { describe, expect, it } from "vitest";
import { classifyProviderError, retryAfterOf } from "./errors.ts";

const http = (status: number, headers: Record<string, string> = {}, message = "x") =>
  Object.assign(new Error(message), { status, headers: new Headers(headers) });
const classify = (e: unknown) => classifyProviderError(e, "openai", "m");

describe("classifyProviderError", () => {
  it.each([
    [429, "model_rate_limited", "transient"],
    [408, "model_unavailable", "transient"],
    [500, "model_unavailable", "transient"],
    [529, "model_unavailable", "transient"],
    [401, "model_auth_failed", "permanent"],
    [404, "model_not_found", "permanent"],
    [400, "model_request_rejected", "permanent"],
  ])("classifies HTTP %i as %s (%s)", (status, code, errorClass) => {
    const error = classify(http(status));
    expect([error.code, error.errorClass]).toEqual([code, errorClass]);
  });

  it("treats timeouts and unreachable servers as transient, content policy as policy", () => {
    expect(classify(new TaskCancelledError("t")).code).toBe("model_timeout");
    expect(classify(new TypeError("fetch failed"))).toMatchObject({
      code: "model_unreachable",
      errorClass: "transient",
    });
    expect(classify(http(400, {}, "content_policy_violation"))).toMatchObject({ errorClass: "policy" });
  });

  it("tells the user which key to check", () => {
    expect(classify(http(401)).message).toMatch(/OPENAI_API_KEY/);
    expect(classifyProviderError(http(403), "anthropic", "c").message).toMatch(/ANTHROPIC_API_KEY/);
  });
});

describe("retryAfterOf", () => {
  const now = () => Date.parse("2026-01-01T00:00:00Z");
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(retryAfterOf(http(429, { "retry-after": "2" }), now)).toBe(2_000);
    expect(retryAfterOf(http(429, { "retry-after-ms": "150", "retry-after": "2" }), now)).toBe(150);
    expect(retryAfterOf(http(429, { "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3_000);
    expect(retryAfterOf(http(429, { "retry-after": "soon" }), now)).toBeNull();
    expect(retryAfterOf(http(429), now)).toBeNull();
  });
});
