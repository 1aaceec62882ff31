import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, normaliseRequest, requestKey } from "./key.ts";

const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "You route." },
      { role: "user", content: "hi" },
    ],
    tools: [{ type: "function", function: { name: "route_request", parameters: { type: "object" } } }],
    tool_choice: "auto",
    temperature: 0,
    ...extra,
  });

const key = (url: string, text: string, method = "POST") => requestKey(normaliseRequest(method, url, text));

describe("requestKey", () => {
  const base = key("https://api.openai.com/v1/chat/completions", body());

  it("is a sha256 hex of the normalised request", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores the host, query, trailing slash, key order and volatile fields (user, metadata, ids)", () => {
    expect(key("http://127.0.0.1:4010/v1/chat/completions/?x=1", body())).toBe(base);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(body())).reverse()));
    expect(key("https://api.openai.com/v1/chat/completions", reordered)).toBe(base);
    const volatile = body({ user: "u-1", metadata: { user_id: "x" }, request_id: "req_123" });
    expect(key("https://api.openai.com/v1/chat/completions", volatile)).toBe(base);
  });

  it("changes with the model, the system prompt, the tools, the tool choice, the temperature, streaming and the path", () => {
    const url = "https://api.openai.com/v1/chat/completions";
    const changed = [
      key(url, body({ model: "gpt-4o" })),
      key(
        url,
        body({
          messages: [
            { role: "system", content: "You route!" },
            { role: "user", content: "hi" },
          ],
        }),
      ),
      key(url, body({ tools: [] })),
      key(url, body({ tool_choice: { type: "function", function: { name: "route_request" } } })),
      key(url, body({ temperature: 0.2 })),
      key(url, body({ stream: true })),
      key("https://api.openai.com/v1/messages", body()),
      key(url, body(), "PUT"),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it("keys a body that is not JSON by its text", () => {
    expect(normaliseRequest("post", "http://h/p", "not json")).toEqual({
      method: "POST",
      path: "/p",
      body: "not json",
    });
  });
});

describe("canonicalJson", () => {
  it("prints equal data equally whatever the key order, and drops undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":2}],"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"z":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});
