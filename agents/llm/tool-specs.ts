import { z } from "zod";
import { AgentId } from "../../domain/agents.ts";
import type { ToolSpec } from "../../models/client.ts";
import type { AnyTool } from "../../tools/tool.ts";
import type { AgentDefinition } from "../agent.ts";
import { OWN_ACTIONS, ownProposalSchema } from "./own-actions.ts";

/** The name of the tool a model calls to hand in its final answer. */
export const SUBMIT_TOOL = "submit_result";

/** A zod schema as a JSON schema a provider accepts: input side, unrepresentable parts left open. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  } catch {
    json = {};
  }
  const { $schema: _drop, ...rest } = json;
  return compact(rest) as Record<string, unknown>;
}

/**
 * Drops what tells a model nothing but costs prompt tokens: the safe-integer bounds zod writes on every
 * integer and the long regex behind `format: "email"`. Arguments are still validated by the full zod schema.
 */
function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compact);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === "maximum" || key === "minimum") && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER)
      continue;
    if (key === "pattern" && "format" in node) continue;
    out[key] = compact(value);
  }
  return out;
}

/** One of the agent's tools, as the model sees it. */
export function toolSpec(tool: AnyTool): ToolSpec {
  const parameters = jsonSchemaOf(tool.schema);
  return { name: tool.name, description: tool.description, parameters: { type: "object", ...parameters } };
}

/**
 * The final answer an agent hands in, with only its own action types and its artefact (a smaller prompt,
 * and a proposal outside the agent's job is refused here, so the model can repair it).
 */
export function finalOutputSchema(agent: AgentDefinition) {
  const own = ownProposalSchema(agent.id);
  const types = OWN_ACTIONS[agent.id].join(", ");
  return z.object({
    summary: z.string().min(1).max(2_000).describe("One or two sentences for the growth lead"),
    proposals: (own ? z.array(own) : z.array(z.never()))
      .max(50)
      .default([])
      .describe(
        own ? `Actions to propose (${types}); may be empty` : "Always empty: this agent proposes no actions",
      ),
    artefact: agent.artefact.describe(`The ${agent.id} artefact`),
    handoffs: z
      .array(AgentId.exclude([agent.id]))
      .max(3)
      .default([])
      .describe("Agents that should run next with this artefact"),
  });
}

/** The `submit_result` tool for one agent. */
export function submitSpec(agent: AgentDefinition): ToolSpec {
  const parameters = jsonSchemaOf(finalOutputSchema(agent));
  return {
    name: SUBMIT_TOOL,
    description:
      "Hand in your final answer: a summary, your proposed actions and your artefact. Call once, last.",
    parameters: { type: "object", ...parameters },
  };
}
