import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LLMock } from "@copilotkit/aimock";
import pino from "pino";
import { makeKit } from "../../agents/kit.ts";
import { llmAgentRunner } from "../../agents/llm/runner.ts";
import { loadModelConfig } from "../../models/config.ts";
import { createModelRegistry } from "../../models/factory.ts";
import type { ReplayMode } from "../../models/replay/mode.ts";
import { type LoadedPrompt, loadPrompts, type PromptId } from "../../prompts/load.ts";
import { openStore } from "../../store/db.ts";
import { llmCallsOfRun, recordLlmCall } from "../../store/repos/llm-calls.ts";
import { MOCK_PRICES, testAgent } from "../contract/harness.ts";

/** A temp folder for one test's recordings, stores and config file. */
export function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "growth-replay-int-"));
  const recordings = join(dir, "recordings");
  const file = join(dir, "models.json");
  writeFileSync(file, JSON.stringify({ prices: MOCK_PRICES, maxSteps: 4 }));
  return { dir, recordings, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The wire mock on loopback. */
export async function startMock(): Promise<LLMock> {
  const mock = new LLMock({ port: 0, host: "127.0.0.1" });
  await mock.start();
  return mock;
}

/**
 * Runs the test agent once on `primary` through the real SDK clients with the given replay mode, on a
 * fresh store, and returns the result and the ledger rows; `baseUrl` may point at a stopped mock.
 */
export async function runOnce(options: {
  ws: ReturnType<typeof workspace>;
  mode: ReplayMode;
  primary: string;
  baseUrl: string;
  stream?: boolean;
  /** Replaces the agent prompt's text, as an edit to its file would. */
  promptText?: string;
  /** Leave the keys unset, as a fresh clone in CI would. */
  keyless?: boolean;
}) {
  const { ws } = options;
  const { config } = loadModelConfig({
    GROWTH_MODEL: options.primary,
    GROWTH_FALLBACK_MODEL: options.primary.startsWith("openai") ? "anthropic:mock-claude" : "openai:mock-gpt",
    ...(options.keyless ? {} : { OPENAI_API_KEY: "test-key", ANTHROPIC_API_KEY: "test-key" }),
    OPENAI_BASE_URL: `${options.baseUrl}/v1`,
    ANTHROPIC_BASE_URL: options.baseUrl,
    GROWTH_MODELS_FILE: ws.file,
    GROWTH_LLM_TIMEOUT_MS: "5000",
    GROWTH_LLM_REPLAY: options.mode,
    GROWTH_RECORDINGS_DIR: ws.recordings,
  });
  const registry = createModelRegistry(config, {
    backoff: { initialMs: 10, maxMs: 40, maxRetryAfterMs: 5_000 },
  });
  const store = await openStore(join(ws.dir, `growth-${Math.random().toString(36).slice(2)}.db`));
  const loaded = loadPrompts();
  const agentPrompt = loaded[testAgent.id];
  const prompts: Readonly<Record<PromptId, LoadedPrompt>> = options.promptText
    ? { ...loaded, [testAgent.id]: { ...agentPrompt, text: options.promptText } }
    : loaded;
  const logger = pino({ level: "silent" });
  const tokens: string[] = [];
  const runner = llmAgentRunner({
    models: registry,
    prompts,
    prices: config.prices,
    maxSteps: config.maxSteps,
    ledger: (call) => recordLlmCall(store.db, call),
    context: () => ({ runId: "run-1", threadId: "thread-1", correlationId: "corr-1" }),
    logger,
    ...(options.stream ? { onToken: (_agent: string, token: string) => tokens.push(token) } : {}),
  });
  const now = new Date("2026-11-10T12:00:00.000Z");
  try {
    const result = await runner(
      testAgent,
      { request: { kind: "chat", text: "engage the new lead" }, artefacts: {}, now },
      makeKit(testAgent, { db: store.db, now, logger }),
    );
    const ledger = (await llmCallsOfRun(store.db, "run-1")).map((r) => ({
      step: r.step,
      attempt: r.attempt,
      provider: r.provider,
      model: r.model,
      promptHash: r.prompt_hash,
      input: r.input_tokens,
      output: r.output_tokens,
      cached: r.cached_tokens,
      cost: r.cost_usd,
      outcome: r.outcome,
    }));
    return { result, ledger, tokens };
  } finally {
    await store.close();
  }
}
