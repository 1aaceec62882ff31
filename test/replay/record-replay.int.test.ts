import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LLMock } from "@copilotkit/aimock";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { loadPrompts } from "../../prompts/load.ts";
import { finalAnswer } from "../contract/harness.ts";
import { modelRequests, scriptTwoSteps } from "../contract/scripts.ts";
import { runOnce, startMock, workspace } from "./harness.ts";

let mock: LLMock | undefined;
let ws: ReturnType<typeof workspace> | undefined;
afterEach(async () => {
  await mock?.stop().catch(() => undefined);
  ws?.remove();
  mock = undefined;
  ws = undefined;
});

describe.each([
  ["openai:mock-gpt", false],
  ["openai:mock-gpt", true],
  ["anthropic:mock-claude", false],
  ["anthropic:mock-claude", true],
] as const)("record, then replay-strict with the mock stopped, on %s (streamed: %s)", (primary, stream) => {
  it("reproduces the result, the streamed text and the ledger's token numbers exactly, offline and keyless", async () => {
    ws = workspace();
    mock = await startMock();
    scriptTwoSteps(mock);
    const url = mock.url;
    const recorded = await runOnce({ ws, mode: "record", primary, baseUrl: url, stream });
    expect(recorded.result.proposals).toEqual(finalAnswer().proposals);
    expect(modelRequests(mock)).toHaveLength(2);
    const files = readdirSync(ws.recordings);
    expect(files).toHaveLength(2);
    const bodies = files.map((f) => JSON.parse(readFileSync(join(ws!.recordings, f), "utf8")));
    const streamed = bodies.every((r) => r.response.contentType.includes("text/event-stream"));
    expect(streamed).toBe(stream);
    expect(bodies.map((r) => r.summary.systemHash)).toEqual(
      Array(2).fill(loadPrompts()["lead-engagement"].hash),
    );
    await mock.stop();

    const replayed = await runOnce({
      ws,
      mode: "replay-strict",
      primary,
      baseUrl: url,
      stream,
      keyless: true,
    });
    expect(replayed.result).toEqual(recorded.result);
    expect(replayed.result.servedBy).toEqual({ path: "primary", model: primary, reason: null });
    expect(replayed.tokens).toEqual(recorded.tokens);
    if (stream) expect(replayed.tokens.join("")).toContain("Looking up the contact.");
    expect(replayed.ledger).toEqual(recorded.ledger);
    // Hand-set in the mock script: 120 + 30 tokens, then 200 + 40.
    expect(replayed.ledger.map((r) => [r.step, r.input, r.output, r.outcome])).toEqual([
      [1, 120, 30, "ok"],
      [2, 200, 40, "ok"],
    ]);
  });
});

describe("replay-strict after a prompt change", () => {
  it("fails with the re-record message naming the model and the changed system prompt, and does not fall back", async () => {
    ws = workspace();
    mock = await startMock();
    scriptTwoSteps(mock);
    const url = mock.url;
    await runOnce({ ws, mode: "record", primary: "openai:mock-gpt", baseUrl: url });
    await mock.stop();

    const edited = `${loadPrompts()["lead-engagement"].text}\n\nBe brief.`;
    const attempt = runOnce({
      ws,
      mode: "replay-strict",
      primary: "openai:mock-gpt",
      baseUrl: url,
      promptText: edited,
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: "recording_missing" });
    const message = (error as Error).message;
    expect(message).toContain("re-record needed");
    expect(message).toMatch(/No recording [0-9a-f]{64} for mock-gpt at \/v1\/chat\/completions/);
    expect(message).toContain("(prompt lead-engagement@1.0.0, system sha256 ");
    expect(message).toContain("only the system prompt differs from recording");
    expect(message).toContain("GROWTH_LLM_REPLAY=record");
  });
});

describe("replay", () => {
  it("serves what is recorded and calls the provider only for what is not", async () => {
    ws = workspace();
    mock = await startMock();
    scriptTwoSteps(mock);
    await runOnce({ ws, mode: "record", primary: "anthropic:mock-claude", baseUrl: mock.url });
    expect(modelRequests(mock)).toHaveLength(2);

    const again = await runOnce({ ws, mode: "replay", primary: "anthropic:mock-claude", baseUrl: mock.url });
    expect(again.result.proposals).toEqual(finalAnswer().proposals);
    expect(modelRequests(mock)).toHaveLength(2);

    const fresh = await runOnce({ ws, mode: "replay", primary: "openai:mock-gpt", baseUrl: mock.url });
    expect(fresh.result.proposals).toEqual(finalAnswer().proposals);
    expect(modelRequests(mock)).toHaveLength(4);
    // Replay never writes: still only the two Anthropic recordings.
    expect(readdirSync(ws.recordings)).toHaveLength(2);
  });
});
