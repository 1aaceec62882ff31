import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { AGENT_IDS, type AgentId } from "../domain/agents.ts";
import { UserError } from "../domain/errors.ts";
import { type Budgets, BudgetsFile, loadBudgets } from "./budgets.ts";
import { DEFAULT_DEADLINE, type DeadlineSettings } from "./deadline.ts";
import { positive } from "./positive-setting.ts";
import { DEFAULT_PRICES, PriceTable } from "./prices.ts";
import { DEFAULT_RECORDINGS_DIR, ReplayMode, type ReplaySettings } from "./replay/mode.ts";
import { type ModelSpec, type Provider, parseModelSpec } from "./spec.ts";

/** Connection settings of one provider; keys come from the environment only, never from files. */
export interface ProviderSettings {
  readonly apiKey: string | null;
  readonly baseUrl: string | null;
}

/** Everything `models/` needs, validated once at start-up. */
export interface ModelConfig {
  readonly defaultModel: ModelSpec;
  readonly agents: Partial<Record<AgentId, ModelSpec>>;
  /** The model that routes free-text chat (`GROWTH_MODEL_SUPERVISOR`, else the default). */
  readonly router: ModelSpec;
  readonly fallback: ModelSpec | null;
  readonly providers: Readonly<Record<Provider, ProviderSettings>>;
  /** The ceiling of one attempt; the run's deadline cuts it shorter when less time is left. */
  readonly timeoutMs: number;
  /** The run (or chat turn) deadline that model calls, fallbacks and node timeouts are derived from. */
  readonly deadline: DeadlineSettings;
  /** Total attempts per call, the first one included. */
  readonly maxAttempts: number;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number; readonly maxRetryAfterMs: number };
  readonly breaker: { readonly failures: number; readonly halfOpenAfterMs: number };
  /** Most model calls one agent may make in one run. */
  readonly maxSteps: number;
  readonly maxOutputTokens: number;
  readonly prices: PriceTable;
  /** Record/replay of LLM HTTP calls (`GROWTH_LLM_REPLAY`, `GROWTH_RECORDINGS_DIR`). */
  readonly replay: ReplaySettings;
  /** Token and money budgets per run, conversation and UTC day, with per-agent overrides. */
  readonly budgets: Budgets;
}

/** The optional JSON config file (`GROWTH_MODELS_FILE`); the environment wins over it. */
export const ModelConfigFile = z
  .object({
    model: z.string().optional(),
    fallback: z.string().optional(),
    agents: z.partialRecord(z.enum([...AGENT_IDS, "supervisor"]), z.string()).optional(),
    baseUrls: z.object({ openai: z.url().optional(), anthropic: z.url().optional() }).strict().optional(),
    timeoutMs: z.number().int().min(1_000).max(600_000).optional(),
    runDeadlineMs: z.number().int().min(1).optional(),
    playbookReserveMs: z.number().int().min(1).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
    maxSteps: z.number().int().min(1).max(20).optional(),
    maxOutputTokens: z.number().int().min(64).max(64_000).optional(),
    prices: PriceTable.optional(),
    replay: ReplayMode.optional(),
    recordingsDir: z.string().min(1).optional(),
    budgets: BudgetsFile.optional(),
  })
  .strict();
export type ModelConfigFile = z.infer<typeof ModelConfigFile>;

/** Defaults when a provider key is set and `GROWTH_MODEL` is not. */
export const DEFAULT_MODELS: Readonly<Record<Provider, string>> = {
  openai: "openai:gpt-4o-mini",
  anthropic: "anthropic:claude-haiku-4-5",
};

const NO_KEY_NOTICE =
  "No model configured (set OPENAI_API_KEY or ANTHROPIC_API_KEY, or GROWTH_MODEL): agents run their deterministic playbooks.";

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the model config from the environment and an optional file; bad values fail with what to set. */
export function loadModelConfig(env: Env = process.env): { config: ModelConfig; notice: string | null } {
  const file = readConfigFile(env.GROWTH_MODELS_FILE);
  const providers = {
    openai: settings(env, "OPENAI", file.baseUrls?.openai),
    anthropic: settings(env, "ANTHROPIC", file.baseUrls?.anthropic),
  };
  const keyed = (["openai", "anthropic"] as const).find((p) => providers[p].apiKey);
  const chosen = env.GROWTH_MODEL ?? file.model ?? (keyed ? DEFAULT_MODELS[keyed] : "playbook");
  const notice = env.GROWTH_MODEL === undefined && !file.model && !keyed ? NO_KEY_NOTICE : null;
  const replay = replaySettings(env, file);
  // Replay-strict never calls a provider, so it needs no key (CI replays committed recordings offline).
  const spec = (name: string, text: string) => usable(name, text, providers, replay.mode === "replay-strict");

  const defaultModel = spec(env.GROWTH_MODEL !== undefined ? "GROWTH_MODEL" : "model", chosen);
  const agents: Partial<Record<AgentId, ModelSpec>> = {};
  for (const id of AGENT_IDS) {
    const name = envName(id);
    const text = env[name] ?? file.agents?.[id];
    if (text !== undefined) agents[id] = spec(name, text);
  }
  checkUnknownOverrides(env);
  const routerText = env.GROWTH_MODEL_SUPERVISOR ?? file.agents?.supervisor;
  const fallbackText = env.GROWTH_FALLBACK_MODEL ?? file.fallback;
  return {
    notice,
    config: {
      defaultModel,
      agents,
      router: routerText === undefined ? defaultModel : spec("GROWTH_MODEL_SUPERVISOR", routerText),
      fallback: fallbackText === undefined ? null : spec("GROWTH_FALLBACK_MODEL", fallbackText),
      providers,
      timeoutMs: int(env, "GROWTH_LLM_TIMEOUT_MS", file.timeoutMs ?? 60_000, 1_000, 600_000),
      deadline: deadlineSettings(env, file),
      maxAttempts: int(env, "GROWTH_LLM_MAX_ATTEMPTS", file.maxAttempts ?? 3, 1, 10),
      backoff: { initialMs: 500, maxMs: 20_000, maxRetryAfterMs: 60_000 },
      breaker: { failures: 5, halfOpenAfterMs: 30_000 },
      maxSteps: file.maxSteps ?? 6,
      maxOutputTokens: file.maxOutputTokens ?? 2_048,
      prices: { ...DEFAULT_PRICES, ...file.prices },
      replay,
      budgets: loadBudgets(env, file.budgets),
    },
  };
}

/** The environment variable that overrides one agent's model, e.g. `GROWTH_MODEL_DEAL_CLOSER`. */
export function envName(agent: AgentId | "supervisor"): string {
  return `GROWTH_MODEL_${agent.toUpperCase().replaceAll("-", "_")}`;
}

/** The model an agent runs on: its override, else the default. */
export function modelFor(config: ModelConfig, agent: AgentId): ModelSpec {
  return config.agents[agent] ?? config.defaultModel;
}

function readConfigFile(path: string | undefined): ModelConfigFile {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new UserError(
      "model_config_unreadable",
      `GROWTH_MODELS_FILE ${path} is not readable JSON: fix or unset it.`,
      {
        cause,
      },
    );
  }
  const parsed = ModelConfigFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
    throw new UserError("model_config_invalid", `GROWTH_MODELS_FILE ${path} is invalid: ${issues}.`);
  }
  return parsed.data;
}

function settings(env: Env, prefix: "OPENAI" | "ANTHROPIC", fileUrl: string | undefined): ProviderSettings {
  const apiKey = env[`${prefix}_API_KEY`]?.trim() || null;
  const baseUrl = env[`${prefix}_BASE_URL`]?.trim() || fileUrl || null;
  if (baseUrl && !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
    throw new UserError(
      "model_base_url_invalid",
      `${prefix}_BASE_URL "${baseUrl}" is not an http(s) URL; set it like http://127.0.0.1:11434/v1 or unset it.`,
    );
  }
  return { apiKey, baseUrl };
}

function usable(
  name: string,
  text: string,
  providers: Record<Provider, ProviderSettings>,
  keyless: boolean,
): ModelSpec {
  const spec = parseModelSpec(text);
  if (!spec) {
    throw new UserError(
      "model_spec_invalid",
      `${name}="${text}" is not a model; set it to openai:<model>, anthropic:<model> or playbook.`,
    );
  }
  if (spec.provider === "playbook") return spec;
  const { apiKey, baseUrl } = providers[spec.provider];
  // An OpenAI-compatible local server (Ollama, vLLM) needs a base URL but often no key.
  if (!apiKey && !keyless && !(spec.provider === "openai" && baseUrl)) {
    const key = spec.provider === "openai" ? "OPENAI_API_KEY (or OPENAI_BASE_URL)" : "ANTHROPIC_API_KEY";
    throw new UserError("model_key_missing", `${name}="${text}" needs ${key}; set it or use playbook.`);
  }
  return spec;
}

function replaySettings(env: Env, file: ModelConfigFile): ReplaySettings {
  const raw = env.GROWTH_LLM_REPLAY?.trim() || file.replay || "off";
  const mode = ReplayMode.safeParse(raw);
  if (!mode.success) {
    throw new UserError(
      "model_setting_invalid",
      `GROWTH_LLM_REPLAY="${raw}" is not a mode; use off, record, replay or replay-strict.`,
    );
  }
  const dir = env.GROWTH_RECORDINGS_DIR?.trim() || file.recordingsDir || DEFAULT_RECORDINGS_DIR;
  return { mode: mode.data, dir: resolve(dir) };
}

function deadlineSettings(env: Env, file: ModelConfigFile): DeadlineSettings {
  const runMs = positive(env, "GROWTH_RUN_DEADLINE_MS", file.runDeadlineMs ?? DEFAULT_DEADLINE.runMs);
  const reserve = positive(
    env,
    "GROWTH_PLAYBOOK_RESERVE_MS",
    file.playbookReserveMs ?? DEFAULT_DEADLINE.playbookReserveMs,
  );
  if (reserve >= runMs) {
    throw new UserError(
      "model_setting_invalid",
      `GROWTH_PLAYBOOK_RESERVE_MS (${reserve}) must be less than GROWTH_RUN_DEADLINE_MS (${runMs}), or model calls get no time.`,
    );
  }
  return { ...DEFAULT_DEADLINE, runMs, playbookReserveMs: reserve };
}

function checkUnknownOverrides(env: Env): void {
  const known = new Set([...AGENT_IDS, "supervisor" as const].map(envName));
  const unknown = Object.keys(env).filter((k) => k.startsWith("GROWTH_MODEL_") && !known.has(k));
  if (unknown.length > 0) {
    throw new UserError(
      "model_override_unknown",
      `${unknown.join(", ")} names no agent; use one of ${[...known].join(", ")}.`,
    );
  }
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(
      "model_setting_invalid",
      `${name}="${raw}" must be a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}
