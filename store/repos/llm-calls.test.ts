import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../../test/helpers/dialects.ts";
import { type LlmCallRecord, llmCallsOfRun, recordLlmCall, usageSummary } from "./llm-calls.ts";

const call = (over: Partial<LlmCallRecord>): LlmCallRecord => ({
  runId: "r1",
  threadId: "t1",
  correlationId: "c1",
  agent: "deal-closer",
  provider: "openai",
  model: "gpt-4o-mini",
  prompt: { id: "deal-closer", version: "1.0.0", hash: "h" },
  step: 1,
  attempt: 1,
  usage: { input: 100, output: 10, cached: 0 },
  latencyMs: 5,
  costUsd: 0.001,
  outcome: "ok",
  errorCode: null,
  at: new Date("2026-03-01T10:00:00Z"),
  ...over,
});

describeEachDialect("the LLM call ledger", (dialect) => {
  const store = useTestStore(dialect);

  it("sums tokens and cost by agent, model and day; unknown prices are counted, not summed as zero", async () => {
    await recordLlmCall(store().db, call({}));
    await recordLlmCall(
      store().db,
      call({ agent: "lead-engagement", usage: { input: 50, output: 5, cached: 20 }, costUsd: 0.002 }),
    );
    await recordLlmCall(
      store().db,
      call({ model: "local", costUsd: null, at: new Date("2026-03-02T23:59:59Z") }),
    );
    await recordLlmCall(
      store().db,
      call({ provider: "playbook", model: "playbook", outcome: "fallback", costUsd: 0 }),
    );

    expect(await usageSummary(store().db, "agent")).toEqual([
      {
        key: "lead-engagement",
        calls: 1,
        attempts: 1,
        inputTokens: 50,
        outputTokens: 5,
        cachedTokens: 20,
        costUsd: 0.002,
        unpricedCalls: 0,
      },
      {
        key: "deal-closer",
        calls: 2,
        attempts: 2,
        inputTokens: 200,
        outputTokens: 20,
        cachedTokens: 0,
        costUsd: 0.001,
        unpricedCalls: 1,
      },
    ]);
    expect((await usageSummary(store().db, "model")).map((l) => [l.key, l.calls, l.costUsd])).toEqual([
      ["openai:gpt-4o-mini", 2, 0.003],
      ["openai:local", 1, 0],
    ]);
    expect((await usageSummary(store().db, "day")).map((l) => [l.key, l.calls])).toEqual([
      ["2026-03-01", 2],
      ["2026-03-02", 1],
    ]);
    expect(await usageSummary(store().db, "agent", { since: new Date("2026-03-02T00:00:00Z") })).toHaveLength(
      1,
    );
  });

  it("reads a run's rows back in the order they were written", async () => {
    await recordLlmCall(store().db, call({ attempt: 2 }));
    await recordLlmCall(store().db, call({ attempt: 1, step: 2 }));
    await recordLlmCall(store().db, call({ runId: "other" }));
    const rows = await llmCallsOfRun(store().db, "r1");
    expect(rows.map((r) => [r.step, r.attempt, r.prompt_hash])).toEqual([
      [1, 2, "h"],
      [2, 1, "h"],
    ]);
  });
});
