import { createHash } from "node:crypto";
import { canonicalJson } from "./key.ts";

/** The parts of a request a replay miss is explained by. */
export const ASPECTS = ["system prompt", "model", "tools", "messages", "settings"] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * The sha256 of each aspect of a normalised request's body: what a recording keeps of its request, enough to
 * say which aspect a missed request differs in without storing the body (prompts, tools and messages).
 */
export function aspectHashes(request: { body: unknown }): Record<Aspect, string> {
  const body = { ...((request.body ?? {}) as Record<string, unknown>) };
  const messages = Array.isArray(body.messages) ? (body.messages as Record<string, unknown>[]) : [];
  const isSystem = (m: Record<string, unknown>) => m?.role === "system" || m?.role === "developer";
  const parts: Record<Aspect, unknown> = {
    "system prompt": [body.system, messages.filter(isSystem)],
    model: body.model,
    tools: [body.tools, body.tool_choice],
    messages: messages.filter((m) => !isSystem(m)),
    settings: null,
  };
  for (const key of ["system", "model", "tools", "tool_choice", "messages"]) delete body[key];
  parts.settings = body;
  const hash = (value: unknown) => createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
  return Object.fromEntries(ASPECTS.map((a) => [a, hash(parts[a])])) as Record<Aspect, string>;
}
