import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runEvalCommand } from "../../evals/run.ts";
import * as promptLoader from "../../prompts/load.ts";

// The LLM-mode eval as CI runs it (.ci/run, `npm run eval:llm`): replay-strict from the committed recordings,
// with no mock, no key and a base URL nothing listens on, so any call that is not recorded cannot be served.
const root = join(import.meta.dirname, "../..");
const ENV = {
  GROWTH_LLM_REPLAY: "replay-strict",
  GROWTH_RECORDINGS_DIR: join(root, "evals/recordings"),
  GROWTH_MODELS_FILE: join(root, "evals/scripted-model/models.json"),
  OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
  OPENAI_API_KEY: undefined,
  GROWTH_FALLBACK_MODEL: undefined,
};
const out = mkdtempSync(join(tmpdir(), "growth-llm-replay-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeEach(() => {
  for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
  return () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  };
});

/** The first policy case (an event for lead-engagement); any recorded case would do. */
const caseId = (
  JSON.parse(readFileSync(join(root, "evals/datasets/policy.jsonl"), "utf8").split("\n")[0] ?? "{}") as {
    id: string;
  }
).id;

/** The first routing case: routing is replayed too (the router's `route_request` call, then the agents). */
const routingCaseId = (
  JSON.parse(readFileSync(join(root, "evals/datasets/routing.jsonl"), "utf8").split("\n")[0] ?? "{}") as {
    id: string;
  }
).id;

const runOne = (suite = "policy", filter = caseId) =>
  runEvalCommand({
    model: "openai:scripted",
    suite,
    filter,
    baselineFile: join(root, "evals/baseline.llm.json"),
    out,
    concurrency: 1,
  });

describe("the LLM-mode eval in replay-strict", () => {
  it("replays the committed recordings offline and matches the LLM baseline", async () => {
    const outcome = await runOne();
    const [result] = outcome.results.cases;
    expect(result?.id).toBe(caseId);
    expect(result?.tokens).toBeGreaterThan(0); // served by the recorded model, not the playbook
    expect(outcome.comparison?.regressed).toEqual([]);
    expect(outcome.exitCode).toBe(0);
  });

  it("replays a routing case from the recordings too", async () => {
    const outcome = await runOne("routing", routingCaseId);
    const [result] = outcome.results.cases;
    expect(result?.id).toBe(routingCaseId);
    expect(result?.tokens).toBeGreaterThan(0);
    expect(outcome.comparison?.regressed).toEqual([]);
    expect(outcome.exitCode).toBe(0);
  });

  it("refuses with re-record needed when a prompt changed and no new recording was made", async () => {
    const real = promptLoader.loadPrompts;
    vi.spyOn(promptLoader, "loadPrompts").mockImplementation((dir) => {
      const prompts = real(dir);
      const le = prompts["lead-engagement"];
      return { ...prompts, "lead-engagement": { ...le, text: `${le.text}\nBe brief.` } };
    });
    await expect(runOne()).rejects.toThrow(/re-record needed/);
  });
});
