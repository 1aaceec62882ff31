import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AgentId } from "../domain/agents.ts";
import type { TrainingText } from "../graph/intent.ts";
import { DATASETS_DIR } from "./dataset.ts";
import { isHeldOut, type RouteExpectation } from "./schema.ts";

/**
 * The agents a case says its request needs first: its first-hop agents; else the must-visit agents and the
 * head of an exact or in-order route (the rest of those are handoffs); `[]` for a case expecting nothing to
 * run; null when it names none (subset or unordered only name agents it may reach).
 */
function needs(route: readonly RouteExpectation[]): AgentId[] | null {
  const first = route.find((r) => r.mode === "first-hop");
  if (first) return [...first.agents];
  if (route.some((r) => r.mode === "exact" && r.agents.length === 0)) return [];
  const named = route.flatMap((r) =>
    r.mode === "must-visit"
      ? r.agents
      : r.mode === "exact" || r.mode === "in-order"
        ? r.agents.slice(0, 1)
        : [],
  );
  return named.length ? [...new Set(named)] : null;
}

let cached: TrainingText[] | null = null;

/**
 * The routing suite's train split as labelled requests for the intent classifier: the agents each request
 * needs (none for off-topic). Held-out cases (v1 and v2) are skipped here by their `split`; they are never learned from.
 */
export function routingTrainSplit(dir: string = DATASETS_DIR): TrainingText[] {
  if (dir === DATASETS_DIR && cached) return cached;
  const out: TrainingText[] = [];
  for (const line of readFileSync(join(dir, "routing.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as {
      split?: string;
      request: { kind: string; text?: string };
      expect: { route: RouteExpectation[] };
    };
    if (isHeldOut(c.split) || c.request.kind !== "chat" || !c.request.text) continue;
    const agents = needs(c.expect.route);
    if (agents) out.push({ text: c.request.text, agents });
  }
  if (dir === DATASETS_DIR) cached = out;
  return out;
}
