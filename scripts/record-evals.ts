/**
 * Records the LLM-mode eval suites: starts the scripted eval model (aimock on loopback), runs
 * `growth eval --model openai:scripted` with GROWTH_LLM_REPLAY=record into evals/recordings/ (old recordings
 * removed first), blesses evals/baseline.llm.json from that run, and stops the mock.
 * Usage: npx tsx scripts/record-evals.ts [--suite routing,policy]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startScriptedModel } from "../evals/scripted-model/server.ts";

const root = join(import.meta.dirname, "..");
const recordings = join(root, "evals/recordings");
/** What the LLM-mode eval runs on, the same when recording and when CI replays (.ci/run). */
const LLM_EVAL_ENV = {
  GROWTH_MODELS_FILE: join(root, "evals/scripted-model/models.json"),
  GROWTH_RECORDINGS_DIR: recordings,
};
const suiteAt = process.argv.indexOf("--suite");
const suite = suiteAt > 0 ? process.argv[suiteAt + 1] : undefined;

for (const name of readdirSync(recordings)) if (name.endsWith(".json")) rmSync(join(recordings, name));
const model = await startScriptedModel();
try {
  // Asynchronous: the mock answers from this process while the eval runs in the child.
  const child = spawn(
    process.execPath,
    [
      join(root, "bin/growth.js"),
      "eval",
      "--model",
      "openai:scripted",
      "--baseline",
      join(root, "evals/baseline.llm.json"),
      "--bless",
      ...(suite ? ["--suite", suite] : []),
    ],
    {
      stdio: "inherit",
      env: {
        ...withoutModelSettings(process.env),
        ...LLM_EVAL_ENV,
        GROWTH_LLM_REPLAY: "record",
        OPENAI_API_KEY: "scripted-model",
        OPENAI_BASE_URL: `${model.url}/v1`,
      },
    },
  );
  const [code] = await once(child, "exit");
  process.exitCode = typeof code === "number" ? code : 1;
} finally {
  await model.stop();
}

function withoutModelSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(GROWTH_MODEL|GROWTH_FALLBACK|ANTHROPIC_|OPENAI_)/.test(name)),
  );
}
