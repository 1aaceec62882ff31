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
 * Drops what tells a model little but costs prompt tokens, on every call: the safe-integer bounds zod writes on
 * every integer, the long regex behind `format: "email"`, defaults (zod fills them in), upper bounds on array
 * lengths, and string caps other than the summary's; a nullable `anyOf [X, null]` becomes `type: [X, "null"]`.
 * Arguments are still validated by the full zod schema, and a broken bound goes back to the model to repair.
 */
function compact(node: unknown, key = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => compact(item));
  if (!node || typeof node !== "object") return node;
  const source = nullableAsType(node as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    if ((name === "maximum" || name === "minimum") && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER)
      continue;
    if (name === "pattern" && "format" in source) continue;
    if (name === "default" || name === "maxItems") continue;
    if (name === "maxLength" && key !== "summary") continue;
    out[name] = name === "properties" ? compactProperties(value) : compact(value);
  }
  return out;
}

function compactProperties(properties: unknown): unknown {
  if (!properties || typeof properties !== "object") return properties;
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, compact(value, name)]));
}

/** `anyOf: [{type: "object", …}, {type: "null"}]` as `{type: ["object", "null"], …}`: the same schema, shorter. */
function nullableAsType(node: Record<string, unknown>): Record<string, unknown> {
  const options = node.anyOf;
  if (!Array.isArray(options) || options.length !== 2) return node;
  const isNull = (o: unknown) => JSON.stringify(o) === '{"type":"null"}';
  const other = options.find((o) => !isNull(o)) as Record<string, unknown> | undefined;
  if (!other || !options.some(isNull) || typeof other.type !== "string" || "anyOf" in other) return node;
  const { anyOf: _drop, ...rest } = node;
  return { ...other, ...rest, type: [other.type, "null"] };
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
      .describe(own ? `Actions to propose (${types})` : "Always empty: this agent proposes no actions"),
    artefact: agent.artefact.describe(`The ${agent.id} artefact`),
    handoffs: z
      .array(AgentId.exclude([agent.id]))
      .max(3)
      .default([])
      .describe("Agents to run next with this artefact"),
  });
}

/** The `submit_result` tool for one agent. */
export function submitSpec(agent: AgentDefinition): ToolSpec {
  const parameters = jsonSchemaOf(finalOutputSchema(agent));
  return {
    name: SUBMIT_TOOL,
    description: "Your final answer. Call once, last.",
    parameters: { type: "object", ...parameters },
  };
}
