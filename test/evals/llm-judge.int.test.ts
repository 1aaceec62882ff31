import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChatCompletionRequest, LLMock } from "@copilotkit/aimock";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { judgeOf } from "../../evals/model-mode.ts";
import { runEvalCommand } from "../../evals/run.ts";
import { NO_JUDGE, scoreWithJudge } from "../../evals/scorers/judge.ts";

// The LLM judge through the real OpenAI client against aimock on loopback. The mock's judge scores a draft by the
// share of the listed facts it contains, read from the request the scorer sent.
const mock = new LLMock({ port: 0, host: "127.0.0.1" });
const dir = mkdtempSync(join(tmpdir(), "growth-judge-"));
const root = join(import.meta.dirname, "../..");
let verdictOverride: string | null = null;

function userText(req: ChatCompletionRequest): string {
  const user = req.messages.find((m) => m.role === "user");
  return typeof user?.content === "string" ? user.content : "";
}

beforeAll(async () => {
  mock.on({ predicate: () => true }, (req) => {
    const text = userText(req);
    const facts = [...text.matchAll(/^- (.+)$/gm)].map((m) => (m[1] ?? "").toLowerCase());
    const draft = (/<draft>\n([\s\S]*)\n<\/draft>/.exec(text)?.[1] ?? "").toLowerCase();
    const found = facts.filter((f) => draft.includes(f)).length;
    const verdict = {
      score: facts.length ? found / facts.length : 0,
      reasons: `${found} of ${facts.length} facts`,
    };
    return {
      toolCalls: [
        { id: "call_verdict", name: "record_verdict", arguments: verdictOverride ?? JSON.stringify(verdict) },
      ],
    };
  });
  await mock.start();
});
afterAll(async () => {
  await mock.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  verdictOverride = null;
  vi.stubEnv("OPENAI_API_KEY", "test-key");
  vi.stubEnv("OPENAI_BASE_URL", `${mock.url}/v1`);
  vi.stubEnv("GROWTH_LLM_REPLAY", "off");
  vi.stubEnv("GROWTH_FALLBACK_MODEL", undefined);
  vi.stubEnv("GROWTH_MODELS_FILE", undefined);
  mock.clearRequests();
  return () => vi.unstubAllEnvs();
});

const input = (draft: string) => ({
  brief: "A case study",
  drafts: [draft],
  facts: ["Initrode", "40% faster"],
});

describe("the LLM judge against the wire mock", () => {
  it("passes a draft the judge scores high, fails one it scores low, and names the pinned model", async () => {
    const judge = judgeOf("openai:mock-judge");
    const good = await scoreWithJudge(judge, input("Initrode ships 40% faster since the switch."));
    expect(good).toMatchObject({ scorer: "llm judge", score: 1, pass: true });
    expect(good.detail).toContain("openai:mock-judge: 2 of 2 facts");
    const bad = await scoreWithJudge(judge, input("We help teams grow."));
    expect(bad).toMatchObject({ score: 0, pass: false });

    const [sent] = mock.getRequests().map((r) => r.body as ChatCompletionRequest);
    expect(sent?.model).toBe("mock-judge");
    expect(sent?.tool_choice).toEqual({ type: "function", function: { name: "record_verdict" } });
    expect(userText(sent as ChatCompletionRequest)).toContain("<draft>\nInitrode ships 40% faster");
  });

  it("scores an invalid verdict 0, never a pass", async () => {
    verdictOverride = JSON.stringify({ score: 7, reasons: "great" });
    const check = await scoreWithJudge(judgeOf("openai:mock-judge"), input("Initrode, 40% faster"));
    expect(check).toMatchObject({ score: 0, pass: false });
    expect(check.detail).toContain("invalid verdict");
  });

  it("growth eval --judge counts the judge on content cases instead of skipping it", async () => {
    const first = JSON.parse(
      readFileSync(join(root, "evals/datasets/content.jsonl"), "utf8").split("\n")[0] ?? "{}",
    );
    const run = (judge?: string) =>
      runEvalCommand({
        suite: "content",
        filter: first.id,
        baselineFile: join(dir, "none.json"),
        out: dir,
        ...(judge ? { judge } : {}),
      });
    const without = (await run()).results.cases[0]?.checks.find((c) => c.scorer === "llm judge");
    expect(without).toMatchObject({ skipped: true, detail: NO_JUDGE });
    const judged = (await run("openai:mock-judge")).results.cases[0]?.checks.find(
      (c) => c.scorer === "llm judge",
    );
    expect(judged?.skipped).toBeUndefined();
    expect(judged?.detail).toMatch(/^openai:mock-judge: \d+ of \d+ facts/);
    expect(mock.getRequests().length).toBeGreaterThan(0);
  });

  it("refuses a judge that is not a model", () => {
    expect(() => judgeOf("playbook")).toThrow(/--judge "playbook" is not a model/);
  });
});
