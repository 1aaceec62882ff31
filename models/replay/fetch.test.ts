import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { type Fetch, replayFetch } from "./fetch.ts";
import { normaliseRequest } from "./key.ts";
import { readRecording } from "./recording.ts";

const URL_ = "http://127.0.0.1:9/v1/chat/completions";
const request = (system = "You are the lead-engagement agent.", model = "mock-gpt") => ({
  method: "POST",
  headers: { "x-request-id": String(Math.random()), authorization: "Bearer k" },
  body: JSON.stringify({
    model,
    messages: [
      { role: "system", content: system },
      { role: "user", content: "engage" },
    ],
    tools: [{ type: "function", function: { name: "lookup_contact" } }],
    stream: true,
  }),
});
const SSE = 'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: [DONE]\n\n';

/** A provider stand-in that counts calls and answers `status` with an SSE body. */
function provider(status = 200) {
  const calls: string[] = [];
  const fetch: Fetch = async (input) => {
    calls.push(String(input));
    return new Response(status === 200 ? SSE : '{"error":"down"}', {
      status,
      headers: { "content-type": status === 200 ? "text/event-stream" : "application/json" },
    });
  };
  return { calls, fetch };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "growth-replay-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const namePrompt = (system: string) => (system.includes("lead-engagement") ? "lead-engagement@1.0.0" : null);

describe("replayFetch", () => {
  it("records the full SSE body once, then replays it without calling the provider, whatever the headers", async () => {
    const dir = tempDir();
    const live = provider();
    const recorded = await replayFetch({ mode: "record", dir, fetch: live.fetch })(URL_, request());
    expect(await recorded.text()).toBe(SSE);
    const [file] = readdirSync(dir);
    const recording = readRecording(dir, file!.slice(0, 64))!;
    expect(recording.response).toEqual({ status: 200, contentType: "text/event-stream", body: SSE });
    expect(recording.summary).toMatchObject({ model: "mock-gpt", stream: true, tools: ["lookup_contact"] });
    expect(recording.summary.systemPreview).toBe("You are the lead-engagement agent.");

    for (const mode of ["replay", "replay-strict"] as const) {
      const replayed = await replayFetch({ mode, dir, fetch: live.fetch, namePrompt })(URL_, request());
      expect(replayed.headers.get("content-type")).toBe("text/event-stream");
      expect(await replayed.text()).toBe(SSE);
    }
    expect(live.calls).toHaveLength(1);
  });

  it("replay calls through on a miss and stores nothing", async () => {
    const dir = tempDir();
    const live = provider();
    const response = await replayFetch({ mode: "replay", dir, fetch: live.fetch })(URL_, request());
    expect(await response.text()).toBe(SSE);
    expect(live.calls).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("replay-strict fails a miss with recording_missing, naming key, model and prompt, and sends nothing", async () => {
    const dir = tempDir();
    const live = provider();
    await replayFetch({ mode: "record", dir, fetch: live.fetch })(URL_, request());
    const strict = replayFetch({ mode: "replay-strict", dir, fetch: live.fetch, namePrompt });
    const error = await strict(URL_, request("You are the lead-engagement agent. Be brief.")).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe("recording_missing");
    expect(error.message).toMatch(
      /^No recording [0-9a-f]{64} for mock-gpt at \/v1\/chat\/completions \(prompt lead-engagement@1\.0\.0, system sha256 [0-9a-f]{12}\); only the system prompt differs from recording [0-9a-f]{12}: re-record needed\./,
    );
    expect(error.message).toContain("GROWTH_LLM_REPLAY=record");
    const other = await strict(URL_, request(undefined, "mock-gpt-2")).catch((e) => e);
    expect(other.message).toContain("only the model differs");
    expect(live.calls).toHaveLength(1);
  });

  it("keeps of the request only its aspects' hashes (no prompt, tools or messages), and still explains a miss", async () => {
    const dir = tempDir();
    const live = provider();
    await replayFetch({ mode: "record", dir, fetch: live.fetch })(URL_, request());
    const [file] = readdirSync(dir);
    const text = readFileSync(join(dir, file!), "utf8");
    expect(text).not.toContain('"content"');
    expect(text).not.toContain('"engage"');
    const recording = readRecording(dir, file!.slice(0, 64))!;
    expect(recording.schemaVersion).toBe(2);
    expect(recording.request.body).toBeUndefined();
    expect(Object.keys(recording.request.aspects ?? {})).toEqual([
      "system prompt",
      "model",
      "tools",
      "messages",
      "settings",
    ]);
    const strict = replayFetch({ mode: "replay-strict", dir, fetch: live.fetch, namePrompt });
    const changed = JSON.parse(request().body);
    changed.messages[1].content = "engage again";
    const error = await strict(URL_, { method: "POST", body: JSON.stringify(changed) }).catch((e) => e);
    expect(error.message).toContain("only the messages differs");
  });

  it("still replays and diagnoses a version 1 recording, which kept the whole body", async () => {
    const dir = tempDir();
    const live = provider();
    const normalised = normaliseRequest("POST", URL_, request().body);
    await replayFetch({ mode: "record", dir, fetch: live.fetch })(URL_, request());
    const [file] = readdirSync(dir);
    const v2 = JSON.parse(readFileSync(join(dir, file!), "utf8"));
    const v1 = { ...v2, schemaVersion: 1, request: normalised };
    writeFileSync(join(dir, file!), JSON.stringify(v1));
    const strict = replayFetch({ mode: "replay-strict", dir, fetch: live.fetch, namePrompt });
    expect(await (await strict(URL_, request())).text()).toBe(SSE);
    const other = await strict(URL_, request(undefined, "mock-gpt-2")).catch((e) => e);
    expect(other.message).toContain("only the model differs");
    expect(live.calls).toHaveLength(1);
  });

  it("does not record a failed call, so a retry is not replayed as an outage", async () => {
    const dir = tempDir();
    const down = provider(503);
    const response = await replayFetch({ mode: "record", dir, fetch: down.fetch })(URL_, request());
    expect(response.status).toBe(503);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("is the underlying fetch itself when off, and passes bodiless requests through", async () => {
    const live = provider();
    expect(replayFetch({ mode: "off", dir: "/nowhere", fetch: live.fetch })).toBe(live.fetch);
    const strict = replayFetch({ mode: "replay-strict", dir: tempDir(), fetch: live.fetch });
    await strict("http://127.0.0.1:9/v1/models", { method: "GET" });
    expect(live.calls).toEqual(["http://127.0.0.1:9/v1/models"]);
  });
});
