import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { AGENT_IDS, type AgentId } from "../domain/agents.ts";
import { UserError } from "../domain/errors.ts";
import { sourcePath } from "../domain/source-path.ts";

/** The folder holding the prompt files, beside this module. */
export const PROMPTS_DIR = sourcePath(import.meta.url, ".");

/** Every prompt that must exist: one per agent and the supervisor's. */
export const PROMPT_IDS = [...AGENT_IDS, "supervisor"] as const;
export type PromptId = AgentId | "supervisor";

/** The front matter of a prompt file. */
export const PromptMeta = z
  .object({
    id: z.enum([...PROMPT_IDS, "rules"]).describe("Must match the file name"),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, "use semver, e.g. 1.2.0")
      .describe("Bump on every change"),
    models: z.array(z.string()).default([]).describe("Models the prompt was tuned and evaluated on"),
    notes: z.string().default("").describe("Why the prompt reads as it does"),
  })
  .strict();
export type PromptMeta = z.infer<typeof PromptMeta>;

/** A loaded prompt: its front matter, the full text a model sees, and the sha256 of that text. */
export interface LoadedPrompt extends PromptMeta {
  readonly id: PromptId;
  readonly text: string;
  readonly hash: string;
}

/** Parses one prompt file: `---` front matter of `key: value` lines, then the text. */
export function parsePromptFile(source: string, file: string): { meta: PromptMeta; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new UserError("prompt_invalid", `${file} needs front matter between two --- lines.`);
  const fields: Record<string, unknown> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const at = line.indexOf(":");
    if (at < 1)
      throw new UserError("prompt_invalid", `${file}: front matter line "${line}" is not key: value.`);
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    fields[key] =
      key === "models"
        ? value
            .split(",")
            .map((m) => m.trim())
            .filter(Boolean)
        : value;
  }
  const meta = PromptMeta.safeParse(fields);
  if (!meta.success) {
    const issues = meta.error.issues.map((i) => `${i.path.join(".") || "(front matter)"}: ${i.message}`);
    throw new UserError("prompt_invalid", `${file}: ${issues.join("; ")}.`);
  }
  const body = match[2]!.trim();
  if (!body) throw new UserError("prompt_invalid", `${file} has no text after its front matter.`);
  return { meta: meta.data, body };
}

/** The sha256 of a prompt's text, hex. */
export function hashPrompt(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Every prompt file: the agents', the supervisor's and the shared rules. */
export const PROMPT_FILE_IDS = [...PROMPT_IDS, "rules"] as const;
export type PromptFileId = (typeof PROMPT_FILE_IDS)[number];

/** One prompt file as written: front matter, body, and the sha256 of the body alone (what the lock pins). */
export interface PromptFile {
  readonly id: PromptFileId;
  readonly file: string;
  readonly meta: PromptMeta;
  readonly body: string;
  readonly bodyHash: string;
}

/** Reads and checks every prompt file, the rules included; a missing or malformed file fails with its path. */
export function loadPromptFiles(dir: string = PROMPTS_DIR): Readonly<Record<PromptFileId, PromptFile>> {
  const files = {} as Record<PromptFileId, PromptFile>;
  for (const id of PROMPT_FILE_IDS) {
    const file = join(dir, `${id}.md`);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (cause) {
      throw new UserError("prompt_missing", `Prompt file ${file} is missing; every agent needs one.`, {
        cause,
      });
    }
    const { meta, body } = parsePromptFile(source, file);
    if (meta.id !== id) {
      throw new UserError("prompt_invalid", `${file} says id: ${meta.id}; it must be ${id}.`);
    }
    files[id] = { id, file, meta, body, bodyHash: hashPrompt(body) };
  }
  return files;
}

/**
 * Loads and checks every prompt; agent prompts get the shared rules appended before hashing,
 * so the hash covers exactly what the model is told.
 */
export function loadPrompts(dir: string = PROMPTS_DIR): Readonly<Record<PromptId, LoadedPrompt>> {
  const files = loadPromptFiles(dir);
  const rules = files.rules.body;
  const prompts = {} as Record<PromptId, LoadedPrompt>;
  for (const id of PROMPT_IDS) {
    const { meta, body } = files[id];
    const text = id === "supervisor" ? body : `${body}\n\n${rules}`;
    prompts[id] = { ...meta, id, text, hash: hashPrompt(text) };
  }
  return prompts;
}
