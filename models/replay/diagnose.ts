import { readdirSync } from "node:fs";
import { canonicalJson, type NormalisedRequest } from "./key.ts";
import { type Recording, readRecording } from "./recording.ts";

type Aspect = "system prompt" | "model" | "tools" | "messages" | "settings";

/**
 * Explains a replay miss by the nearest recording: when one differs from the request in a single aspect
 * (system prompt, model, tools, messages or settings), says which, e.g. "the system prompt changed".
 */
export function diagnoseMiss(dir: string, request: NormalisedRequest): string | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
  } catch {
    return null;
  }
  const wanted = aspects(request);
  for (const file of files) {
    let recording: Recording | null;
    try {
      recording = readRecording(dir, file.slice(0, 64));
    } catch {
      continue;
    }
    if (!recording || recording.request.path !== request.path) continue;
    const have = aspects(recording.request);
    const differ = (Object.keys(wanted) as Aspect[]).filter((a) => wanted[a] !== have[a]);
    if (differ.length === 1) return `only the ${differ[0]} differs from recording ${file.slice(0, 12)}`;
  }
  return null;
}

function aspects(request: { body: unknown }): Record<Aspect, string> {
  const body = { ...((request.body ?? {}) as Record<string, unknown>) };
  const messages = Array.isArray(body.messages) ? (body.messages as Record<string, unknown>[]) : [];
  const isSystem = (m: Record<string, unknown>) => m?.role === "system" || m?.role === "developer";
  const out = {
    "system prompt": canonicalJson([body.system, messages.filter(isSystem)]),
    model: canonicalJson(body.model),
    tools: canonicalJson([body.tools, body.tool_choice]),
    messages: canonicalJson(messages.filter((m) => !isSystem(m))),
    settings: "",
  };
  for (const key of ["system", "model", "tools", "tool_choice", "messages"]) delete body[key];
  out.settings = canonicalJson(body);
  return out;
}
