import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SystemError } from "../../domain/errors.ts";
import { ASPECTS } from "./aspects.ts";
import type { NormalisedRequest } from "./key.ts";

/** A human-readable summary of a recorded request: enough to tell which agent, prompt and model it was. */
export const RequestSummary = z.object({
  method: z.string(),
  path: z.string(),
  model: z.string().nullable().describe("The model named in the body"),
  stream: z.boolean(),
  systemHash: z.string().nullable().describe("sha256 of the system text, which holds the prompt"),
  systemPreview: z.string().describe("The system text's first 80 characters"),
  messageCount: z.number().int(),
  tools: z.array(z.string()).describe("Names of the tools offered"),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One recorded HTTP exchange, stored as `<key>.json`; streamed answers keep their whole SSE body. Version 2
 * keeps of the request only what replay needs: the key (the whole request's hash), the summary and each
 * aspect's hash, to say which aspect a miss differs in. Version 1 (still read) kept the whole request body.
 */
export const Recording = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  key: Sha256,
  summary: RequestSummary,
  request: z.object({
    method: z.string(),
    path: z.string(),
    body: z.unknown().optional().describe("Version 1: the normalised body"),
    aspects: z
      .record(z.enum(ASPECTS), Sha256)
      .optional()
      .describe("Version 2: sha256 of the system prompt, model, tools, messages and settings"),
  }),
  response: z.object({
    status: z.number().int(),
    contentType: z.string(),
    body: z.string(),
  }),
});
export type Recording = z.infer<typeof Recording>;

/** The file a recording lives in. */
export function recordingPath(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

/** Reads a recording, or null when there is none; a corrupt file fails with what to do. */
export function readRecording(dir: string, key: string): Recording | null {
  const file = recordingPath(dir, key);
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  let parsed: ReturnType<typeof Recording.safeParse>;
  try {
    parsed = Recording.safeParse(JSON.parse(raw));
  } catch (cause) {
    throw corrupt(file, "it is not JSON", cause);
  }
  if (!parsed.success || parsed.data.key !== key) {
    throw corrupt(file, parsed.success ? "its key does not match its name" : parsed.error.message, null);
  }
  return parsed.data;
}

/** Writes a recording atomically (temp file, then rename), pretty-printed so diffs of committed ones read. */
export function writeRecording(dir: string, recording: Recording): void {
  mkdirSync(dir, { recursive: true });
  const file = recordingPath(dir, recording.key);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(recording, null, 2)}\n`);
  renameSync(temp, file);
}

/** Summarises a normalised request for humans and for the re-record message. */
export function summarise(request: NormalisedRequest): RequestSummary {
  const body = (request.body && typeof request.body === "object" ? request.body : {}) as Record<
    string,
    unknown
  >;
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  const system = systemText(body, messages);
  const tools = Array.isArray(body.tools) ? (body.tools as unknown[]).map(toolName) : [];
  return {
    method: request.method,
    path: request.path,
    model: typeof body.model === "string" ? body.model : null,
    stream: body.stream === true,
    systemHash: system === null ? null : createHash("sha256").update(system, "utf8").digest("hex"),
    systemPreview: (system ?? "").slice(0, 80),
    messageCount: messages.length,
    tools,
  };
}

/** The system text of an OpenAI (`system`/`developer` messages) or Anthropic (`system` field) body. */
export function systemText(body: Record<string, unknown>, messages: readonly unknown[]): string | null {
  if (body.system !== undefined) return textOf(body.system);
  const parts = messages
    .filter((m): m is Record<string, unknown> => !!m && typeof m === "object")
    .filter((m) => m.role === "system" || m.role === "developer")
    .map((m) => textOf(m.content));
  return parts.length > 0 ? parts.join("\n\n") : null;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p) => (p && typeof p === "object" && "text" in p ? String((p as { text: unknown }).text) : ""))
    .join("");
}

function toolName(tool: unknown): string {
  if (!tool || typeof tool !== "object") return "?";
  const t = tool as { name?: unknown; function?: { name?: unknown } };
  return String(t.function?.name ?? t.name ?? "?");
}

function corrupt(file: string, why: string, cause: unknown): SystemError {
  return new SystemError(
    "recording_corrupt",
    `Recording ${file} is unusable (${why}); delete it and re-record with GROWTH_LLM_REPLAY=record.`,
    { cause },
  );
}
