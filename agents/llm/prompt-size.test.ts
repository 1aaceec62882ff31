import { getEncoding } from "js-tiktoken";
import { describe, expect, it } from "vitest";
import { loadPrompts } from "../../prompts/load.ts";
import type { AgentInput } from "../agent.ts";
import { AGENT_LIST } from "../index.ts";
import { inputMessage } from "./input-message.ts";
import { submitSpec, toolSpec } from "./tool-specs.ts";

const encoder = getEncoding("o200k_base");
const tokens = (value: unknown) =>
  encoder.encode(typeof value === "string" ? value : JSON.stringify(value)).length;
const prompts = loadPrompts();

/**
 * Today's prompt tokens, frozen: each agent's first call on the request below as the code sent it before issue
 * #13 (every action type in submit_result, zod's JSON schemas as they come, the tool descriptions and
 * pretty-printed `<crm_data>` of then), counted with o200k_base at commit 85a5e57.
 */
const BEFORE: Readonly<Record<string, number>> = {
  "market-intelligence": 2602,
  "opportunity-scout": 2635,
  "lead-engagement": 3171,
  "partnership-negotiator": 2386,
  "deal-closer": 2993,
  "marketing-strategy": 3112,
  "campaign-planner": 2660,
  "content-creation": 3036,
  "campaign-execution": 2751,
  "marketing-analytics": 3285,
};

describe("prompt tokens of an agent's first call (system, user message, tools), o200k_base", () => {
  const input: AgentInput = {
    request: {
      kind: "event" as const,
      eventId: "e1",
      event: {
        event_type: "lead_qualified" as const,
        source_agent: "marketing-analytics",
        entity_type: "lead" as const,
        entity_id: "ana.lopez@acme.com",
        action: "qualified",
        data: { score: 82 },
      },
    },
    artefacts: {},
    now: new Date("2026-11-10T12:00:00.000Z"),
  };
  const rows = AGENT_LIST.map((agent) => {
    const tools = [...agent.tools.map(toolSpec), submitSpec(agent)];
    const after = tokens(prompts[agent.id].text) + tokens(inputMessage(input)) + tokens(tools);
    const before = BEFORE[agent.id] ?? 0;
    return { agent: agent.id, before, after, saved: 1 - after / before };
  });

  it("are at least 40% fewer for every agent", () => {
    console.table(rows.map((r) => ({ ...r, saved: `${(r.saved * 100).toFixed(1)}%` })));
    const before = rows.reduce((s, r) => s + r.before, 0);
    const after = rows.reduce((s, r) => s + r.after, 0);
    expect(1 - after / before).toBeGreaterThanOrEqual(0.4);
    for (const r of rows) expect(r.saved, r.agent).toBeGreaterThanOrEqual(0.4);
  });
});
