import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../domain/errors.ts";
import { envName, loadModelConfig, modelFor } from "./config.ts";

const fails = (env: Record<string, string>, pattern: RegExp) => {
  let error: unknown;
  try {
    loadModelConfig(env);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(pattern);
};

describe("loadModelConfig", () => {
  it("runs playbooks with a one-line notice when no key or model is set", () => {
    const { config, notice } = loadModelConfig({});
    expect(config.defaultModel).toEqual({ provider: "playbook" });
    expect(config.fallback).toBeNull();
    expect(notice).toMatch(/OPENAI_API_KEY or ANTHROPIC_API_KEY/);
    expect(loadModelConfig({ GROWTH_MODEL: "playbook" }).notice).toBeNull();
  });

  it("picks the keyed provider's default model, and per-agent and fallback overrides", () => {
    const { config } = loadModelConfig({
      ANTHROPIC_API_KEY: "a",
      OPENAI_API_KEY: "o",
      GROWTH_MODEL_DEAL_CLOSER: "anthropic:claude-x",
      GROWTH_FALLBACK_MODEL: "anthropic:claude-y",
    });
    expect(config.defaultModel).toEqual({ provider: "openai", model: "gpt-4o-mini" });
    expect(modelFor(config, "deal-closer")).toEqual({ provider: "anthropic", model: "claude-x" });
    expect(modelFor(config, "lead-engagement")).toEqual(config.defaultModel);
    expect(config.router).toEqual(config.defaultModel);
    expect(config.fallback).toEqual({ provider: "anthropic", model: "claude-y" });
    expect(config.maxAttempts).toBe(3);
  });

  it("accepts an OpenAI-compatible local server without a key", () => {
    const { config } = loadModelConfig({
      GROWTH_MODEL: "openai:llama3",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
    });
    expect(config.providers.openai).toEqual({ apiKey: null, baseUrl: "http://127.0.0.1:11434/v1" });
  });

  it("names the variable and what to set when config is wrong", () => {
    fails({ GROWTH_MODEL: "gpt-4o" }, /GROWTH_MODEL="gpt-4o".*openai:<model>, anthropic:<model> or playbook/);
    fails({ GROWTH_MODEL: "anthropic:claude-x" }, /needs ANTHROPIC_API_KEY/);
    fails(
      { OPENAI_API_KEY: "o", GROWTH_FALLBACK_MODEL: "anthropic:c" },
      /GROWTH_FALLBACK_MODEL.*ANTHROPIC_API_KEY/,
    );
    fails({ GROWTH_MODEL_DEAL_CLOSR: "playbook" }, /GROWTH_MODEL_DEAL_CLOSR names no agent/);
    fails({ OPENAI_BASE_URL: "localhost:11434" }, /OPENAI_BASE_URL.*http\(s\) URL/);
    fails({ GROWTH_LLM_TIMEOUT_MS: "5s" }, /GROWTH_LLM_TIMEOUT_MS="5s" must be a whole number/);
    fails({ GROWTH_LLM_MAX_ATTEMPTS: "0" }, /from 1 to 10/);
  });

  it("reads the JSON file, lets the environment win, and merges prices over the defaults", () => {
    const file = join(mkdtempSync(join(tmpdir(), "growth-models-")), "models.json");
    writeFileSync(
      file,
      JSON.stringify({
        model: "openai:a",
        maxAttempts: 5,
        prices: { "openai:a": { input: 1, output: 2, cached: 0 } },
      }),
    );
    const { config } = loadModelConfig({
      GROWTH_MODELS_FILE: file,
      OPENAI_API_KEY: "k",
      GROWTH_LLM_MAX_ATTEMPTS: "2",
    });
    expect(config.defaultModel).toEqual({ provider: "openai", model: "a" });
    expect(config.maxAttempts).toBe(2);
    expect(config.prices["openai:a"]).toEqual({ input: 1, output: 2, cached: 0 });
    expect(config.prices["openai:gpt-4o-mini"]).toBeDefined();
    writeFileSync(file, JSON.stringify({ modle: "openai:a" }));
    fails({ GROWTH_MODELS_FILE: file }, /is invalid/);
  });

  it("reads the run deadline and budgets, env over file, per-agent overrides from the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "growth-budgets-")), "models.json");
    writeFileSync(
      file,
      JSON.stringify({
        runDeadlineMs: 30_000,
        budgets: { day: { usd: 5 }, agents: { "deal-closer": { run: { tokens: 800 } } } },
      }),
    );
    const { config } = loadModelConfig({ GROWTH_MODELS_FILE: file, GROWTH_BUDGET_DAY_USD: "2.5" });
    expect(config.deadline).toMatchObject({ runMs: 30_000, playbookReserveMs: 5_000 });
    expect(config.budgets.all).toEqual({ day: { usd: 2.5 } });
    expect(config.budgets.agents["deal-closer"]).toEqual({ run: { tokens: 800 } });
    fails({ GROWTH_RUN_DEADLINE_MS: "4000" }, /GROWTH_PLAYBOOK_RESERVE_MS \(5000\) must be less than/);
    writeFileSync(file, JSON.stringify({ budgets: { run: { tokens: -5 } } }));
    fails({ GROWTH_MODELS_FILE: file }, /budgets.run.tokens/);
  });

  it("derives override names from agent ids", () => {
    expect(envName("market-intelligence")).toBe("GROWTH_MODEL_MARKET_INTELLIGENCE");
  });
});
