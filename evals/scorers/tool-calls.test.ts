import { describe, expect, it } from "vitest";
import type { ObservedToolCall } from "../harness.ts";
import { callMatches, isSubsetOf, scoreToolCalls } from "./tool-calls.ts";

const call = (tool: string, args: unknown = {}): ObservedToolCall => ({
  agent: "lead-engagement",
  tool,
  args,
});
const trajectory = [
  call("crm_lead_context", { email: "ana@acme.com" }),
  call("outreach_draft_sequence", { contactEmail: "ana@acme.com", steps: [1, 2] }),
];

describe("isSubsetOf", () => {
  it("matches expected keys recursively and ignores extra actual keys", () => {
    expect(isSubsetOf({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(isSubsetOf({ a: { b: 1 } }, { a: { b: 1, c: 3 } })).toBe(true);
    expect(isSubsetOf({ a: 1 }, { a: 2 })).toBe(false);
    expect(isSubsetOf({ a: 1 }, {})).toBe(false);
    expect(isSubsetOf({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(isSubsetOf({ a: null }, { a: null })).toBe(true);
  });
});

describe("callMatches", () => {
  it("compares arguments exactly, as a subset, or not at all", () => {
    const actual = call("crm_lead_context", { email: "ana@acme.com", depth: 2 });
    expect(
      callMatches({ tool: "crm_lead_context", args: { email: "ana@acme.com" }, argMode: "exact" }, actual),
    ).toBe(false);
    expect(
      callMatches(
        { tool: "crm_lead_context", args: { email: "ana@acme.com", depth: 2 }, argMode: "exact" },
        actual,
      ),
    ).toBe(true);
    expect(callMatches({ tool: "crm_lead_context", args: { email: "ana@acme.com" } }, actual)).toBe(true);
    expect(
      callMatches({ tool: "crm_lead_context", args: { email: "x@y.com" }, argMode: "ignore" }, actual),
    ).toBe(true);
    expect(callMatches({ tool: "crm_lead_context", args: { email: "x@y.com" } }, actual)).toBe(false);
    expect(callMatches({ tool: "other_tool" }, actual)).toBe(false);
    expect(callMatches({ tool: "crm_lead_context", agent: "deal-closer" }, actual)).toBe(false);
  });
});

describe("scoreToolCalls", () => {
  it("exact: same calls in the same order", () => {
    const expected = {
      order: "exact" as const,
      calls: [{ tool: "crm_lead_context" }, { tool: "outreach_draft_sequence" }],
    };
    expect(scoreToolCalls(expected, trajectory)).toMatchObject({ pass: true, score: 1 });
    expect(scoreToolCalls(expected, [...trajectory].reverse())).toMatchObject({ pass: false, score: 0.5 });
    expect(scoreToolCalls(expected, [...trajectory, call("extra")])).toMatchObject({
      pass: false,
      score: 0.6667,
    });
  });

  it("in-order: extra calls allowed between, credit per expected call", () => {
    const expected = {
      order: "in-order" as const,
      calls: [{ tool: "crm_lead_context" }, { tool: "outreach_draft_sequence" }],
    };
    expect(scoreToolCalls(expected, [trajectory[0]!, call("x"), trajectory[1]!])).toMatchObject({
      pass: true,
    });
    expect(scoreToolCalls(expected, [trajectory[1]!])).toMatchObject({ pass: false, score: 0.5 });
  });

  it("unordered and superset pair calls in any order", () => {
    const calls = [{ tool: "outreach_draft_sequence" }, { tool: "crm_lead_context" }];
    expect(scoreToolCalls({ order: "unordered", calls }, trajectory)).toMatchObject({ pass: true });
    expect(scoreToolCalls({ order: "unordered", calls }, [...trajectory, call("x")])).toMatchObject({
      pass: false,
      score: 0.6667,
    });
    expect(scoreToolCalls({ order: "superset", calls }, [...trajectory, call("x")])).toMatchObject({
      pass: true,
    });
    expect(
      scoreToolCalls({ order: "superset", calls: [{ tool: "nope" }, ...calls] }, trajectory),
    ).toMatchObject({ pass: false, score: 0.6667 });
  });

  it("pairs the most specific expectation first, so a loose one does not steal its match", () => {
    const both = [call("t", { id: 1 }), call("t", { id: 2 })];
    const calls = [{ tool: "t" }, { tool: "t", args: { id: 1 } }];
    expect(scoreToolCalls({ order: "unordered", calls }, both)).toMatchObject({ pass: true });
  });

  it("fails a wrong argument under subset mode", () => {
    const calls = [{ tool: "crm_lead_context", args: { email: "carl@acme.com" } }];
    expect(scoreToolCalls({ order: "superset", calls }, trajectory)).toMatchObject({ pass: false, score: 0 });
  });
});
