import { getEncoding } from "js-tiktoken";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProposedActionBody } from "../../domain/actions.ts";
import { AgentId } from "../../domain/agents.ts";
import { loadPrompts } from "../../prompts/load.ts";
import type { AgentInput } from "../agent.ts";
import { AGENT_LIST } from "../index.ts";
import { inputMessage } from "./input-message.ts";
import { SUBMIT_TOOL, submitSpec, toolSpec } from "./tool-specs.ts";

const encoder = getEncoding("o200k_base");
const tokens = (value: unknown) =>
  encoder.encode(typeof value === "string" ? value : JSON.stringify(value)).length;
const prompts = loadPrompts();

/** The JSON schema as the code before this change wrote it: zod's full output, nothing dropped. */
const raw = (schema: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return { type: "object", ...rest };
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
    const common = tokens(prompts[agent.id].text) + tokens(inputMessage(input));
    // Before: every action type in submit_result, and zod's schemas as they come.
    const before = [
      ...agent.tools.map((t) => ({ name: t.name, description: t.description, parameters: raw(t.schema) })),
      {
        name: SUBMIT_TOOL,
        description: submitSpec(agent).description,
        parameters: raw(
          z.object({
            summary: z.string().min(1).max(2_000).describe("One or two sentences for the growth lead"),
            proposals: z
              .array(ProposedActionBody)
              .max(50)
              .default([])
              .describe("Actions to propose; may be empty"),
            artefact: agent.artefact.describe(`The ${agent.id} artefact`),
            handoffs: z
              .array(AgentId.exclude([agent.id]))
              .max(3)
              .default([])
              .describe("Agents that should run next"),
          }),
        ),
      },
    ];
    const after = [...agent.tools.map(toolSpec), submitSpec(agent)];
    const b = common + tokens(before);
    const a = common + tokens(after);
    return { agent: agent.id, before: b, after: a, saved: 1 - a / b };
  });

  it("are at least 40% fewer over the ten agents, and fewer for every agent", () => {
    console.table(rows.map((r) => ({ ...r, saved: `${(r.saved * 100).toFixed(1)}%` })));
    const before = rows.reduce((s, r) => s + r.before, 0);
    const after = rows.reduce((s, r) => s + r.after, 0);
    expect(1 - after / before).toBeGreaterThanOrEqual(0.4);
    for (const r of rows) expect(r.saved, r.agent).toBeGreaterThan(0.25);
  });
});
