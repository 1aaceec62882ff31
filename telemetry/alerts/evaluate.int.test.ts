import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/db.ts";
import { openApprovals } from "../../store/repos/approvals.ts";
import { recordDeadLetter } from "../../store/repos/dead-letters.ts";
import { appendEvents } from "../../store/repos/events.ts";
import { recordLlmCall } from "../../store/repos/llm-calls.ts";
import { createRun, setRunStatus } from "../../store/repos/runs.ts";
import { FIXTURE_NOW, fixtureStore } from "../../test/helpers/fixture.ts";
import { createMetrics } from "../metrics.ts";
import { parseAlerts } from "./config.ts";
import { evaluateAlerts } from "./evaluate.ts";
import { checkAlerts } from "./monitor.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const NO_BUDGETS = { all: {}, agents: {} };
const minutesBefore = (m: number) => new Date(FIXTURE_NOW.getTime() - m * 60_000);
const rules = (yaml: string) => parseAlerts(`alerts:\n${yaml}`, "alerts.yaml").alerts;

async function agentRun(i: number, ms: number, minutesAgo = 5) {
  await appendEvents(store.db, [
    {
      id: `r${i}:agent:lead-engagement`,
      type: "agent_completed",
      entityType: "run",
      entityId: `r${i}`,
      correlationId: `c${i}`,
      causationId: null,
      source: "lead-engagement",
      payload: { durationMs: ms },
      occurredAt: minutesBefore(minutesAgo),
    },
  ]);
}

async function finishedRun(i: number, status: "completed" | "failed") {
  await createRun(store.db, {
    id: `run-${i}`,
    threadId: `t${i}`,
    kind: "event",
    correlationId: `c${i}`,
    requestKey: `k${i}`,
    status: "running",
    request: {},
    dryRun: false,
    at: minutesBefore(10),
  });
  await setRunStatus(store.db, `run-${i}`, status, minutesBefore(5));
}

describe("evaluating the SLA alerts over the store", () => {
  it("agent p95 latency: too few runs give no verdict; one slow run in 20 is not a breach, two are", async () => {
    const rule = rules(
      "  - { id: p95, type: agent_p95_latency, agent: lead-engagement, max_ms: 1000, min_samples: 5 }",
    );
    for (let i = 0; i < 4; i++) await agentRun(i, 100);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: false,
      value: null,
    });
    for (let i = 4; i < 19; i++) await agentRun(i, 100);
    await agentRun(19, 5_000);
    await agentRun(99, 9_000, 120); // outside the 60-minute window
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: false,
      value: 100,
    });
    await agentRun(20, 4_000);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: true,
      value: 4_000,
    });
  });

  it("error rate over the window's finished runs", async () => {
    const rule = rules("  - { id: errors, type: error_rate, max_rate: 0.25, min_runs: 4 }");
    await finishedRun(1, "completed");
    await finishedRun(2, "failed");
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]?.value).toBeNull();
    await finishedRun(3, "completed");
    await finishedRun(4, "completed");
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: false,
      value: 0.25,
    });
    await finishedRun(5, "failed");
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: true,
      value: 0.4,
    });
  });

  it("dead letters: open over the limit, or too many new in the window", async () => {
    const rule = rules("  - { id: dlq, type: dead_letters_growing, max_open: 1, max_new: 0 }");
    const letter = (id: string, at: Date) =>
      recordDeadLetter(store.db, {
        id,
        runId: "r",
        correlationId: "c",
        threadId: "t",
        node: "lead-engagement",
        event: {},
        state: {},
        error: [],
        attempts: 3,
        at,
      });
    await letter("old", minutesBefore(600));
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]?.firing).toBe(false);
    await letter("new", minutesBefore(1));
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: true,
      value: 2,
    });
  });

  it("approvals waiting longer than N hours", async () => {
    const rule = rules("  - { id: waiting, type: approvals_waiting, max_hours: 4 }");
    const approval = (id: string, hoursAgo: number) =>
      openApprovals(store.db, [
        {
          id,
          runId: "r",
          threadId: "t",
          correlationId: "c",
          actionId: id,
          action: {},
          reason: "first touch to an executive",
          at: minutesBefore(hoursAgo * 60),
        },
      ]);
    await approval("a1", 3);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]?.firing).toBe(false);
    await approval("a2", 5);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]).toMatchObject({
      firing: true,
      value: 5,
    });
  });

  it("a play that missed its slot, until a run for that slot exists", async () => {
    const rule = rules(
      "  - { id: review, type: play_missed_slot, play: daily-pipeline-review, grace_minutes: 15 }",
    );
    const [missed] = await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS);
    expect(missed?.firing).toBe(true);
    const slot = /for its (\S+) slot/.exec(missed!.message)![1]!;
    expect(Date.parse(slot)).toBeLessThanOrEqual(minutesBefore(15).getTime());
    await createRun(store.db, {
      id: "play-run",
      threadId: `play:daily-pipeline-review:${slot}`,
      kind: "play",
      correlationId: "p",
      requestKey: `play:daily-pipeline-review:${slot}`,
      status: "completed",
      request: {},
      dryRun: false,
      at: new Date(slot),
    });
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]?.firing).toBe(false);
  });

  it("the day budget nearly spent", async () => {
    const rule = rules("  - { id: budget, type: budget_nearly_spent, at_ratio: 0.9 }");
    const budgets = { all: { day: { tokens: 1_000 } }, agents: {} };
    const spend = (input: number) =>
      recordLlmCall(store.db, {
        runId: null,
        threadId: null,
        correlationId: null,
        agent: "lead-engagement",
        provider: "openai",
        model: "m",
        prompt: null,
        step: 1,
        attempt: 1,
        usage: { input, output: 0, cached: 0 },
        latencyMs: 10,
        costUsd: 0,
        outcome: "ok",
        errorCode: null,
        at: minutesBefore(30),
      });
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, NO_BUDGETS))[0]?.message).toBe(
      "no day budget is set",
    );
    await spend(850);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, budgets))[0]).toMatchObject({
      firing: false,
      value: 0.85,
    });
    await spend(100);
    expect((await evaluateAlerts(store, rule, FIXTURE_NOW, budgets))[0]).toMatchObject({
      firing: true,
      value: 0.95,
    });
  });

  it("an unreachable webhook neither throws nor repeats the event; its failure is counted", async () => {
    const file = parseAlerts(
      "alerts:\n  - { id: waiting, type: approvals_waiting, max_hours: 1 }\n",
      "a.yaml",
    );
    await openApprovals(store.db, [
      {
        id: "a",
        runId: "r",
        threadId: "t",
        correlationId: "c",
        actionId: "a",
        action: {},
        reason: "x",
        at: minutesBefore(120),
      },
    ]);
    const metrics = createMetrics({ store });
    const deps = {
      store,
      file,
      budgets: NO_BUDGETS,
      metrics,
      webhook: {
        url: "http://127.0.0.1:9/hook",
        attempts: 2,
        timeoutMs: 500,
        backoff: { initialMs: 5, maxMs: 10 },
      },
    };
    const first = await checkAlerts(deps, FIXTURE_NOW);
    expect(first.transitions.map((t) => t.event)).toEqual(["alert_raised"]);
    expect((await checkAlerts(deps, FIXTURE_NOW)).transitions).toEqual([]); // still firing: no second event
    expect(await metrics.text()).toContain('growth_alert_webhook_failures_total{alert="waiting"} 1');
  });
});
