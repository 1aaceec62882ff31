import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkpointerFor } from "../../graph/checkpointer.ts";
import type { AgentRunner } from "../../graph/deps.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import { pruneStore } from "../../runtime/retention.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { runCli } from "../helpers/in-process-cli.ts";

let store: Store;
let file: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, file, cleanup } = await fixtureStore());
});
afterEach(async () => {
  await cleanup();
});

const logger = createLogger({ level: "silent" });

/** Checkpoint rows per thread, straight from the checkpointer's table. */
async function rowsByThread(): Promise<Map<string, number>> {
  const { rows } = await sql<{ thread_id: string; n: number }>`
    select thread_id, count(*) as n from checkpoints group by thread_id
  `.execute(store.db);
  return new Map(rows.map((r) => [r.thread_id, Number(r.n)]));
}

/** A touch to one contact, proposed by whichever agent runs: every chat action waits for a person. */
const touchAgent =
  (email: string, domain: string): AgentRunner =>
  async (agent, input, kit) => ({
    ...(await agent.playbook(input, kit)),
    proposals: [
      {
        type: "send_touch",
        contactEmail: email,
        accountDomain: domain,
        channel: "email",
        play: "sequence",
        templateId: "t",
        subject: "Hello",
        body: "A short note.",
        rationale: "test",
      },
    ],
  });

describe("checkpoint retention", () => {
  it("keeps only the latest checkpoint of a finished run's thread, and writes at least 5x fewer rows than it checkpointed", async () => {
    // Counts every checkpoint LangGraph writes (SQLite or Postgres saver), to compare with what retention keeps.
    let written = 0;
    const checkpointer = checkpointerFor(store);
    const put = checkpointer.put.bind(checkpointer);
    checkpointer.put = (...args) => {
      written++;
      return put(...args);
    };
    const orchestrator = createOrchestrator(store, logger, {
      clock: () => FIXTURE_NOW,
      env: {},
      checkpointer,
    });
    for (const [i, email] of [
      "ana.lopez@acme.com",
      "ivan.ops@initech.com",
      "bea.buyer@globex.com",
    ].entries()) {
      await orchestrator.submitEvent(leadQualified(email, `keep-${i}`), { at: FIXTURE_NOW });
    }
    await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "keep-again"), { at: FIXTURE_NOW });
    const rows = await rowsByThread();
    const kept = [...rows.values()].reduce((a, b) => a + b, 0);
    expect(rows.size).toBeGreaterThan(0);
    for (const n of rows.values()) expect(n).toBe(1);
    expect(written).toBeGreaterThanOrEqual(kept * 5);
    if (store.dialect === "postgres") {
      // PostgresSaver keeps channel values apart, as blobs: none outlives the checkpoints that name it.
      const orphans = await sql<{ n: number }>`
        select count(*) as n from checkpoint_blobs b where not exists (
          select 1 from checkpoints c where c.thread_id = b.thread_id and c.checkpoint_ns = b.checkpoint_ns
          and c.checkpoint -> 'channel_versions' ->> b.channel = b.version)`.execute(store.db);
      expect(Number(orphans.rows[0]?.n)).toBe(0);
      const blobs = await sql<{ n: number }>`select count(*) as n from checkpoint_blobs`.execute(store.db);
      expect(Number(blobs.rows[0]?.n)).toBeGreaterThan(0);
    }
  });

  it("never prunes the thread of a run waiting on an approval, and trims it once the run finishes", async () => {
    const orchestrator = createOrchestrator(store, logger, {
      clock: () => FIXTURE_NOW,
      env: {},
      runAgent: touchAgent("ivan.ops@initech.com", "initech.com"),
      routeChat: async () => ({ agents: ["lead-engagement"], reason: "test", via: "test" }),
    });
    const waiting = await orchestrator.chat("follow up with Ivan", "conv-paused");
    expect(waiting.status).toBe("waiting_approval");
    const before = (await rowsByThread()).get("chat:conv-paused") ?? 0;
    expect(before).toBeGreaterThan(1);

    const report = await pruneStore(store.db, { olderThan: "0h" });
    expect(report.threads.map((t) => t.threadId)).not.toContain("chat:conv-paused");
    expect((await rowsByThread()).get("chat:conv-paused")).toBe(before);

    const pending = await orchestrator.pendingOf("chat:conv-paused");
    for (const approval of pending) await orchestrator.decide(approval.approvalId, { verdict: "approve" });
    expect((await rowsByThread()).get("chat:conv-paused")).toBe(1);
  });

  it("keeps a 50-turn conversation's checkpoint rows bounded", async () => {
    const orchestrator: Orchestrator = createOrchestrator(store, logger, {
      clock: () => FIXTURE_NOW,
      env: {},
      runAgent: async (agent, input, kit) => ({ ...(await agent.playbook(input, kit)), proposals: [] }),
      routeChat: async () => ({ agents: ["market-intelligence"], reason: "test", via: "test" }),
    });
    const sizes: number[] = [];
    for (let turn = 1; turn <= 50; turn++) {
      const outcome = await orchestrator.chat(`how is the market, take ${turn}?`, "conv-long");
      expect(outcome.status).toBe("completed");
      sizes.push((await rowsByThread()).get("chat:conv-long") ?? 0);
    }
    expect(Math.max(...sizes)).toBe(1);
  });
});

describe("growth prune", () => {
  async function playOnce(): Promise<{ thread: string; runId: string }> {
    const orchestrator = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW, env: {} });
    const outcome = await orchestrator.play("stale-deal-sweep");
    expect(outcome.status).toBe("completed");
    return { thread: outcome.threadId, runId: outcome.runId };
  }

  it("--dry-run lists what it would remove and changes nothing; the real prune removes exactly that", async () => {
    const { thread, runId } = await playOnce();
    expect((await rowsByThread()).get(thread)).toBe(1);

    const dry = await runCli(["--db", file, "prune", "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      threads: { threadId: string; rule: string }[];
    };
    expect(planned.dryRun).toBe(true);
    // The play finished at FIXTURE_NOW, more than the default 7 days ago.
    expect(planned.threads).toContainEqual(
      expect.objectContaining({ threadId: thread, rule: "finished_play" }),
    );
    expect((await rowsByThread()).get(thread)).toBe(1);

    const text = await runCli(["--db", file, "prune"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(thread);
    expect(text.stdout).toMatch(/Removed 1 checkpoints/);
    expect((await rowsByThread()).get(thread)).toBeUndefined();

    // The trace reads the event log, so a play pruned of its checkpoints still tells its story.
    const trace = await runCli(["--db", file, "trace", runId]);
    expect(trace.code).toBe(0);
    expect(trace.stdout).toContain(`run ${runId} on ${thread}: completed, 0 checkpoints`);
  });

  it("keeps a finished play inside its grace period", async () => {
    const { thread } = await playOnce();
    const kept = await runCli(["--db", file, "prune", "--older-than", "2026-11-01", "--json"]);
    expect(kept.code).toBe(0);
    expect((JSON.parse(kept.stdout) as { threads: unknown[] }).threads).toEqual([]);
    expect((await rowsByThread()).get(thread)).toBe(1);
  });

  it("--older-than banana exits 2 naming the accepted formats", async () => {
    const bad = await runCli(["--db", file, "prune", "--older-than", "banana"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--older-than "banana".*7d.*24h.*ISO date/);
  });
});
