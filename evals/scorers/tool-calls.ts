import { isDeepStrictEqual } from "node:util";
import type { ObservedToolCall } from "../harness.ts";
import type { ArgMode, ExpectedToolCall, ToolCallExpectation } from "../schema.ts";
import { type Check, check } from "./check.ts";

/** True when every key of `expected` is in `actual` with a matching value (objects recursively, arrays item by item). */
export function isSubsetOf(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => isSubsetOf(item, actual[i]))
    );
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => k in record && isSubsetOf(v, record[k]));
  }
  return Object.is(expected, actual);
}

/** The argument mode of an expected call: as given, else `subset` when it names args and `ignore` when not. */
export function argModeOf(call: ExpectedToolCall): ArgMode {
  return call.argMode ?? (call.args ? "subset" : "ignore");
}

/** Whether one actual call satisfies one expected call: same tool (and agent, if named), arguments per mode. */
export function callMatches(expected: ExpectedToolCall, actual: ObservedToolCall): boolean {
  if (expected.tool !== actual.tool) return false;
  if (expected.agent && expected.agent !== actual.agent) return false;
  switch (argModeOf(expected)) {
    case "ignore":
      return true;
    case "exact":
      return isDeepStrictEqual(expected.args ?? {}, actual.args);
    case "subset":
      return isSubsetOf(expected.args ?? {}, actual.args);
  }
}

function lcs(expected: readonly ExpectedToolCall[], actual: readonly ObservedToolCall[]): number {
  const row = new Array<number>(actual.length + 1).fill(0);
  for (const e of expected) {
    let diagonal = 0;
    for (let j = 1; j <= actual.length; j++) {
      const above = row[j]!;
      row[j] = callMatches(e, actual[j - 1]!) ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[actual.length]!;
}

const SPECIFICITY: Record<ArgMode, number> = { exact: 0, subset: 1, ignore: 2 };

/** Pairs expected calls with distinct actual calls in any order, the most specific expectations first. */
function matchAnyOrder(expected: readonly ExpectedToolCall[], actual: readonly ObservedToolCall[]): number {
  const used = new Set<number>();
  const ordered = [...expected].sort((a, b) => SPECIFICITY[argModeOf(a)] - SPECIFICITY[argModeOf(b)]);
  let matched = 0;
  for (const e of ordered) {
    const i = actual.findIndex((a, j) => !used.has(j) && callMatches(e, a));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return matched;
}

/**
 * Scores a tool-call trajectory. Order modes: exact (same calls, same order; credit LCS / longest),
 * in-order (the expected calls appear in order, others may come between; credit LCS / expected),
 * unordered (the same calls in any order; credit pairs / longest), superset (the expected calls in any order,
 * others allowed; credit pairs / expected). Arguments compare per call: exact, ignore or subset.
 */
export function scoreToolCalls(expected: ToolCallExpectation, actual: readonly ObservedToolCall[]): Check {
  const want = expected.calls;
  const label = `tool calls ${expected.order}`;
  const detail = `expected [${want.map((c) => c.tool).join(", ")}], called [${actual.map((c) => c.tool).join(", ")}]`;
  const longest = Math.max(want.length, actual.length);
  switch (expected.order) {
    case "exact":
      return check(label, longest === 0 ? 1 : lcs(want, actual) / longest, detail);
    case "in-order":
      return check(label, lcs(want, actual) / want.length, detail);
    case "unordered":
      return check(label, longest === 0 ? 1 : matchAnyOrder(want, actual) / longest, detail);
    case "superset":
      return check(label, matchAnyOrder(want, actual) / want.length, detail);
  }
}
