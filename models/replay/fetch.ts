import { UserError } from "../../domain/errors.ts";
import { aspectHashes } from "./aspects.ts";
import { type PromptNamer, promptNamer } from "./describe-prompt.ts";
import { diagnoseMiss } from "./diagnose.ts";
import { type NormalisedRequest, normaliseRequest, requestKey } from "./key.ts";
import type { ReplaySettings } from "./mode.ts";
import { readRecording, summarise, systemText, writeRecording } from "./recording.ts";

/** The `fetch` both provider SDKs accept. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Replay settings plus the fetch to call through to and how to name a prompt in the re-record message. */
export interface ReplayFetchOptions extends ReplaySettings {
  readonly fetch?: Fetch;
  readonly namePrompt?: PromptNamer;
}

// Headers that describe the wire encoding of the original body, which a recording no longer has.
const DROPPED_HEADERS = new Set(["content-encoding", "content-length", "transfer-encoding"]);

/**
 * A fetch that records and replays LLM calls by the key of the normalised request. Only requests with a
 * text body (the SDKs' JSON) take part; anything else, and every call in `off` mode, goes straight through.
 * Recording buffers the whole answer (a stream's full SSE body) before handing it on.
 */
export function replayFetch(options: ReplayFetchOptions): Fetch {
  const base: Fetch = options.fetch ?? globalThis.fetch;
  if (options.mode === "off") return base;
  const namePrompt = options.namePrompt ?? promptNamer();
  return async function fetchWithReplay(input, init) {
    const bodyText = await bodyOf(input, init);
    if (bodyText === null) return base(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const url = input instanceof Request ? input.url : String(input);
    const request = normaliseRequest(method, url, bodyText);
    const key = requestKey(request);

    if (options.mode !== "record") {
      const recording = readRecording(options.dir, key);
      if (recording) {
        const { status, contentType, body } = recording.response;
        return new Response(body, { status, headers: { "content-type": contentType } });
      }
      if (options.mode === "replay-strict") throw missing(options.dir, key, request, namePrompt);
    }
    const response = await base(input, init);
    if (options.mode === "replay" || !response.ok) return response;
    const body = await response.text();
    writeRecording(options.dir, {
      schemaVersion: 2,
      key,
      summary: summarise(request),
      request: { method: request.method, path: request.path, aspects: aspectHashes(request) },
      response: { status: response.status, contentType: response.headers.get("content-type") ?? "", body },
    });
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) headers.set(name, value);
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The error a replay-strict miss throws: names the key, model and prompt and says to re-record. */
export function missing(
  dir: string,
  key: string,
  request: NormalisedRequest,
  namePrompt: PromptNamer,
): UserError {
  const summary = summarise(request);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const text = systemText(body, Array.isArray(body.messages) ? body.messages : []);
  const prompt = (text === null ? null : namePrompt(text)) ?? "an unknown prompt";
  const system = summary.systemHash ? `system sha256 ${summary.systemHash.slice(0, 12)}` : "no system text";
  const why = diagnoseMiss(dir, request);
  return new UserError(
    "recording_missing",
    `No recording ${key} for ${summary.model ?? "an unnamed model"} at ${summary.path} (prompt ${prompt}, ${system})` +
      `${why ? `; ${why}` : ""}: re-record needed. Run with GROWTH_LLM_REPLAY=record and the provider's key, ` +
      `then commit the new files in ${dir}.`,
    { details: { key, model: summary.model, prompt, systemHash: summary.systemHash, path: summary.path } },
  );
}

async function bodyOf(input: string | URL | Request, init: RequestInit | undefined): Promise<string | null> {
  if (typeof init?.body === "string") return init.body;
  if (init?.body == null && input instanceof Request && input.body) return input.clone().text();
  return null;
}
