import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { openStore } from "../../store/db.ts";
import { type LlmCallRecord, recordLlmCall } from "../../store/repos/llm-calls.ts";
import { parseSince, usageCommand } from "./usage.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-usage-cmd-"));
const file = join(dir, "growth.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const call = (over: Partial<LlmCallRecord>): LlmCallRecord => ({
  runId: "r1",
  threadId: "t1",
  correlationId: "c1",
  agent: "lead-engagement",
  provider: "openai",
  model: "gpt-4o-mini",
  prompt: null,
  step: 1,
  attempt: 1,
  usage: { input: 1_000, output: 100, cached: 0 },
  latencyMs: 10,
  costUsd: 0.0002,
  outcome: "ok",
  errorCode: null,
  at: new Date("2026-11-09T10:00:00.000Z"),
  ...over,
});

beforeAll(async () => {
  const store = await openStore(file);
  await recordLlmCall(store.db, call({}));
  await recordLlmCall(store.db, call({ usage: { input: 500, output: 50, cached: 200 }, costUsd: 0.0001 }));
  await recordLlmCall(
    store.db,
    call({
      agent: "supervisor",
      provider: "anthropic",
      model: "claude-haiku-4-5",
      usage: { input: 300, output: 20, cached: 0 },
      costUsd: 0.0004,
      at: new Date("2026-11-10T08:00:00.000Z"),
    }),
  );
  await recordLlmCall(
    store.db,
    call({ model: "local-llama", costUsd: null, at: new Date("2026-11-10T09:00:00Z") }),
  );
  // A fallback marker is a path, not a call: never counted.
  await recordLlmCall(
    store.db,
    call({
      provider: "playbook",
      model: "playbook",
      outcome: "fallback",
      usage: { input: 0, output: 0, cached: 0 },
      costUsd: 0,
    }),
  );
  await store.close();
});

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  const program = new Command("growth")
    .option("--db <file>")
    .exitOverride()
    .addCommand(usageCommand().exitOverride());
  await program.parseAsync(["node", "growth", "--db", file, "usage", ...args]);
  return lines.join("\n");
}

describe("growth usage", () => {
  it("sums by agent, largest cost first, with a total row and unpriced calls named", async () => {
    expect(await run()).toBe(
      [
        "LLM usage, by agent:",
        "agent            calls  attempts  input  cached  output                     cost",
        "supervisor           1         1    300       0      20                $0.000400",
        "lead-engagement      3         3   2500     200     250  $0.000300 (+1 unpriced)",
        "total                4         4   2800     200     270  $0.000700 (+1 unpriced)",
        "no budgets set (GROWTH_BUDGET_RUN|CONVERSATION|DAY_TOKENS|USD)",
      ].join("\n"),
    );
  });

  it("groups by model and by UTC day, and filters with --since", async () => {
    const byModel = await run("--by", "model", "--json");
    expect(
      JSON.parse(byModel).lines.map((l: { model: string; calls: number }) => [l.model, l.calls]),
    ).toEqual([
      ["anthropic:claude-haiku-4-5", 1],
      ["openai:gpt-4o-mini", 2],
      ["openai:local-llama", 1],
    ]);
    const byDay = JSON.parse(await run("--by", "day", "--json"));
    expect(byDay.lines.map((l: { day: string; costUsd: number }) => [l.day, l.costUsd])).toEqual([
      ["2026-11-10", 0.0004],
      ["2026-11-09", 0.0003],
    ]);
    expect(byDay.total).toEqual({
      calls: 4,
      attempts: 4,
      inputTokens: 2_800,
      outputTokens: 270,
      cachedTokens: 200,
      costUsd: 0.0007,
      unpricedCalls: 1,
    });
    const since = JSON.parse(await run("--by", "day", "--since", "2026-11-10", "--json"));
    expect(since.since).toBe("2026-11-10T00:00:00.000Z");
    expect(since.lines.map((l: { day: string; calls: number }) => [l.day, l.calls])).toEqual([
      ["2026-11-10", 2],
    ]);
  });

  it("shows today's spend against the day budget, and the run budget's limit", async () => {
    vi.stubEnv("GROWTH_BUDGET_DAY_TOKENS", "5000");
    vi.stubEnv("GROWTH_BUDGET_RUN_USD", "0.5");
    const store = await openStore(file);
    await recordLlmCall(
      store.db,
      call({ runId: "r-today", usage: { input: 250, output: 50, cached: 0 }, at: new Date() }),
    );
    await store.close();
    try {
      const text = await run("--since", "1d");
      expect(text).toContain("budget per run: $0.5");
      expect(text).toContain("budget per day: 300 of 5000 tokens spent today (UTC)");
      const json = JSON.parse(await run("--json"));
      expect(json.budgets.scopes.day).toEqual({
        limit: { tokens: 5000 },
        spent: { tokens: 300, usd: expect.any(Number) },
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses an unknown grouping and an unreadable --since as user errors", async () => {
    await expect(run("--by", "week")).rejects.toThrow(/--by "week" is unknown; use one of agent, model, day/);
    await expect(run("--since", "yesterday")).rejects.toBeInstanceOf(UserError);
  });
});

describe("parseSince", () => {
  const now = new Date("2026-11-10T12:00:00.000Z");
  it.each([
    ["24h", "2026-11-09T12:00:00.000Z"],
    ["7d", "2026-11-03T12:00:00.000Z"],
    ["2w", "2026-10-27T12:00:00.000Z"],
    ["2026-11-01", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01T09:30", "2026-11-01T09:30:00.000Z"],
    ["2026-11-01T09:30:00+02:00", "2026-11-01T07:30:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseSince(text, now).toISOString()).toBe(iso);
  });
  it.each(["", "7", "7y", "2026-13-01", "last week"])("refuses %j", (text) => {
    expect(() => parseSince(text, now)).toThrow(UserError);
  });
});
