import { describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { loadModelConfig } from "../config.ts";
import { DEFAULT_RECORDINGS_DIR } from "./mode.ts";

describe("replay settings in the model config", () => {
  it("are off with evals/recordings by default", () => {
    expect(loadModelConfig({}).config.replay).toEqual({ mode: "off", dir: DEFAULT_RECORDINGS_DIR });
    expect(DEFAULT_RECORDINGS_DIR).toMatch(/evals[/\\]recordings$/);
  });

  it("read GROWTH_LLM_REPLAY and GROWTH_RECORDINGS_DIR, resolving the folder", () => {
    const { config } = loadModelConfig({ GROWTH_LLM_REPLAY: "record", GROWTH_RECORDINGS_DIR: "/tmp/rec" });
    expect(config.replay).toEqual({ mode: "record", dir: "/tmp/rec" });
  });

  it("refuse an unknown mode with the modes to use", () => {
    expect(() => loadModelConfig({ GROWTH_LLM_REPLAY: "strict" })).toThrow(UserError);
    expect(() => loadModelConfig({ GROWTH_LLM_REPLAY: "strict" })).toThrow(
      'GROWTH_LLM_REPLAY="strict" is not a mode; use off, record, replay or replay-strict.',
    );
  });

  it("let replay-strict name a model without its key, since nothing is sent; other modes still need it", () => {
    const strict = loadModelConfig({
      GROWTH_MODEL: "anthropic:claude-haiku-4-5",
      GROWTH_LLM_REPLAY: "replay-strict",
    });
    expect(strict.config.defaultModel).toEqual({ provider: "anthropic", model: "claude-haiku-4-5" });
    expect(() =>
      loadModelConfig({ GROWTH_MODEL: "anthropic:claude-haiku-4-5", GROWTH_LLM_REPLAY: "replay" }),
    ).toThrow(/needs ANTHROPIC_API_KEY/);
  });
});
