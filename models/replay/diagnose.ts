import { readdirSync } from "node:fs";
import { ASPECTS, aspectHashes } from "./aspects.ts";
import type { NormalisedRequest } from "./key.ts";
import { type Recording, readRecording } from "./recording.ts";

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
  const wanted = aspectHashes(request);
  for (const file of files) {
    let recording: Recording | null;
    try {
      recording = readRecording(dir, file.slice(0, 64));
    } catch {
      continue;
    }
    if (!recording || recording.request.path !== request.path) continue;
    // Version 2 keeps only the aspects' hashes; version 1 kept the whole body.
    const have = recording.request.aspects ?? aspectHashes({ body: recording.request.body });
    const differ = ASPECTS.filter((a) => wanted[a] !== have[a]);
    if (differ.length === 1) return `only the ${differ[0]} differs from recording ${file.slice(0, 12)}`;
  }
  return null;
}
