import { z } from "zod";

/** The LLM providers we speak to; `openai` also covers any OpenAI-compatible server via its base URL. */
export const Provider = z.enum(["openai", "anthropic"]);
export type Provider = z.infer<typeof Provider>;

/** Which model drives an agent: a provider and model name, or `playbook` (no LLM at all). */
export type ModelSpec =
  | { readonly provider: Provider; readonly model: string }
  | { readonly provider: "playbook" };

/** Parses `openai:<model>`, `anthropic:<model>` or `playbook`; returns null when the text is none of them. */
export function parseModelSpec(text: string): ModelSpec | null {
  const trimmed = text.trim();
  if (trimmed === "playbook") return { provider: "playbook" };
  const match = /^(openai|anthropic):(\S.*)$/.exec(trimmed);
  if (!match) return null;
  return { provider: match[1] as Provider, model: match[2]!.trim() };
}

/** Writes a spec back as text, e.g. for logs and the usage ledger. */
export function formatModelSpec(spec: ModelSpec): string {
  return spec.provider === "playbook" ? "playbook" : `${spec.provider}:${spec.model}`;
}
