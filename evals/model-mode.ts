import { AGENT_LIST } from "../agents/index.ts";
import { llmAgentRunner } from "../agents/llm/runner.ts";
import { UserError } from "../domain/errors.ts";
import { matcherChatRouter } from "../graph/chat-router.ts";
import { llmChatRouter } from "../graph/llm-chat-router.ts";
import { loadModelConfig } from "../models/config.ts";
import { createModelRegistry } from "../models/factory.ts";
import { parseModelSpec } from "../models/spec.ts";
import { loadPrompts } from "../prompts/load.ts";
import { recordLlmCall } from "../store/repos/llm-calls.ts";
import { type HarnessMode, PLAYBOOK_MODE } from "./harness.ts";
import { watchReplayMisses } from "./replay-misses.ts";
import type { Judge } from "./scorers/judge.ts";
import { llmJudge } from "./scorers/llm-judge.ts";

/**
 * The harness mode for a `--model` spec: `playbook` runs offline; `openai:<model>` or `anthropic:<model>` runs
 * every agent and the chat router on that model through the model config (keys and base URLs from the
 * environment), recording each call's tokens and cost in the case's own store.
 */
export function modelMode(
  spec: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): HarnessMode {
  const parsed = parseModelSpec(spec);
  if (!parsed) {
    throw new UserError(
      "eval_model_invalid",
      `--model "${spec}" is not a model spec; use playbook, openai:<model> or anthropic:<model>.`,
    );
  }
  if (parsed.provider === "playbook") return PLAYBOOK_MODE;
  const { config } = loadModelConfig({ ...env, GROWTH_MODEL: spec });
  const { registry, misses } = watchReplayMisses(createModelRegistry(config));
  const prompts = loadPrompts();
  return {
    name: spec,
    replayMisses: misses,
    build(store) {
      const ledger = (call: Parameters<typeof recordLlmCall>[1]) => recordLlmCall(store.db, call);
      const router = registry.router();
      return {
        runAgent: llmAgentRunner({
          models: registry,
          prompts,
          prices: config.prices,
          maxSteps: config.maxSteps,
          ledger,
        }),
        ...(router
          ? {
              routeChat: llmChatRouter(router, matcherChatRouter(AGENT_LIST), {
                agents: AGENT_LIST,
                prompt: prompts.supervisor,
                prices: config.prices,
                ledger,
              }),
            }
          : {}),
      };
    },
  };
}

/** Prompt id → content hash of the prompts on disk, recorded with every eval result. */
export function promptHashes(): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(loadPrompts()).map(([id, p]) => [id, p.hash]));
  } catch (error) {
    // The scores do not depend on prompts in playbook mode; the report says why the hashes are missing.
    return { unavailable: (error as Error).message };
  }
}

/** The LLM judge for `--judge <spec>` (an openai:<model> or anthropic:<model>), on the model config's settings. */
export function judgeOf(
  spec: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Judge {
  const parsed = parseModelSpec(spec);
  if (!parsed || parsed.provider === "playbook") {
    throw new UserError(
      "eval_judge_invalid",
      `--judge "${spec}" is not a model; use openai:<model> or anthropic:<model>.`,
    );
  }
  const { config } = loadModelConfig({ ...env, GROWTH_MODEL: spec });
  const client = createModelRegistry(config).router();
  if (!client)
    throw new UserError("eval_judge_invalid", `--judge "${spec}" has no client; set its provider's key.`);
  return llmJudge(client);
}
