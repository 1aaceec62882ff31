import type { AgentId } from "../../domain/agents.ts";
import type { RouteExpectation } from "../schema.ts";
import { type Check, check } from "./check.ts";

/** Length of the longest common subsequence of two lists. */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Scores a visited route against one expectation, with partial credit:
 * - exact: the same agents in the same order; credit LCS / max(length);
 * - in-order: the expected agents appear in that order, others may come between; credit LCS / expected;
 * - unordered: the same set of agents in any order; credit Jaccard of the two sets;
 * - subset: every visited agent is an expected one (and at least one ran); credit the share that is;
 * - must-visit: every expected agent ran; credit the share that did;
 * - must-not-visit: none of the named agents ran; credit the share that did not;
 * - first-hop: the chat router's own pick (before any handoff) is exactly the named agents, its first pick one
 *   of them (none named: it picked nobody); credit Jaccard of the two sets, 0 when the first pick is wrong.
 */
export function scoreRoute(
  expected: RouteExpectation,
  actual: readonly AgentId[],
  firstHop: readonly AgentId[] = actual,
): Check {
  const want = expected.agents;
  const seen = new Set(actual);
  const named = new Set(want);
  const label = `route ${expected.mode}`;
  const shown = `expected [${want.join(", ")}], visited [${actual.join(", ")}]`;
  switch (expected.mode) {
    case "exact": {
      const longest = Math.max(want.length, actual.length);
      return check(label, longest === 0 ? 1 : lcsLength(want, actual) / longest, shown);
    }
    case "in-order":
      return check(label, want.length === 0 ? 1 : lcsLength(want, actual) / want.length, shown);
    case "unordered": {
      const union = new Set([...want, ...actual]);
      const both = [...union].filter((a) => seen.has(a) && named.has(a)).length;
      return check(label, union.size === 0 ? 1 : both / union.size, shown);
    }
    case "subset": {
      if (actual.length === 0) return check(label, 0, `${shown}: nothing ran`);
      return check(label, actual.filter((a) => named.has(a)).length / actual.length, shown);
    }
    case "must-visit":
      return check(
        label,
        want.length === 0 ? 1 : want.filter((a) => seen.has(a)).length / want.length,
        shown,
      );
    case "first-hop": {
      const picked = new Set(firstHop);
      const union = new Set([...want, ...firstHop]);
      const both = [...union].filter((a) => picked.has(a) && named.has(a)).length;
      const lead = firstHop[0] === undefined || named.has(firstHop[0]);
      const detail = `expected first hop [${want.join(", ")}], router picked [${firstHop.join(", ")}]`;
      return check(label, union.size === 0 ? 1 : lead ? both / union.size : 0, detail);
    }
    case "must-not-visit":
      return check(
        label,
        want.length === 0 ? 1 : want.filter((a) => !seen.has(a)).length / want.length,
        shown,
      );
  }
}
