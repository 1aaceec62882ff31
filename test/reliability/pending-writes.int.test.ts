import type { BaseCheckpointSaver, Checkpoint } from "@langchain/langgraph";
import { afterEach, expect, it } from "vitest";
import { checkpointerFor } from "../../graph/checkpointer.ts";
import type { AgentRunner } from "../../graph/deps.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { RunOwner } from "../../runtime/ownership/index.ts";
import { openStore, type Store } from "../../store/db.ts";
import { heldRuns } from "../../store/repos/run-owners.ts";
import { getRun } from "../../store/repos/runs.ts";
import { describeEachDialect } from "../helpers/dialects.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

// A process can die after a node finished and LangGraph saved the node's writes, but before the checkpoint of
// that superstep was written. The thread's state then shows no next node (LangGraph leaves a task that already
// has its writes out of `next`) although the graph has more to do: resuming must continue from those writes,
// not take the run as finished. Before, a run killed there completed with its allowed effect never executed.

const logger = createLogger({ level: "silent" });
const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

/** The checkpointer of a process that dies writing the checkpoint after the conflict guard: that write never returns. */
function dyingAfterGuard(saver: BaseCheckpointSaver, died: () => void): BaseCheckpointSaver {
  return new Proxy(saver, {
    get(target, prop) {
      if (prop === "put")
        return (...args: Parameters<BaseCheckpointSaver["put"]>) => {
          const checkpoint: Checkpoint = args[1];
          if (!("conflict_guard" in checkpoint.versions_seen)) return target.put(...args);
          died();
          return new Promise(() => undefined);
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function openProcess(
  location: string,
  options: { checkpointer?: (store: Store) => BaseCheckpointSaver; runAgent?: AgentRunner } = {},
) {
  const store = await openStore(location);
  // A lease far longer than the test: only the test itself lets the dead process's lease lapse.
  const owner = new RunOwner(store.db, { leaseMs: 600_000, heartbeatMs: 300_000, logger });
  const orchestrator = createOrchestrator(store, logger, {
    clock: () => FIXTURE_NOW,
    owner,
    ...(options.checkpointer ? { checkpointer: options.checkpointer(store) } : {}),
    ...(options.runAgent ? { runAgent: options.runAgent } : {}),
  });
  opened.push({ close: () => store.close() });
  return { store, orchestrator, owner };
}

/** The run's outbox rows or touches (a touch's idempotency key names its run). */
async function count(store: Store, table: "outbox" | "touches", runId: string): Promise<number> {
  const rows =
    table === "outbox"
      ? await store.db.selectFrom("outbox").select("run_id").where("run_id", "=", runId).execute()
      : await store.db
          .selectFrom("touches")
          .select("id")
          .where("idempotency_key", "like", `%${runId}%`)
          .execute();
  return rows.length;
}

describeEachDialect("a crash between a node's saved writes and its checkpoint", (dialect) => {
  it("is resumed from the saved writes: the guard is not run again and the effect executes exactly once", async () => {
    const fixture = await fixtureStore(dialect);
    opened.push({ close: fixture.cleanup });
    let died!: () => void;
    const dead = new Promise<void>((resolve) => {
      died = resolve;
    });
    const first = await openProcess(fixture.file, {
      checkpointer: (store) => dyingAfterGuard(checkpointerFor(store), died),
    });
    void first.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "pw-1"), { at: FIXTURE_NOW });
    await dead;

    const [held] = await heldRuns(fixture.store.db, new Date());
    expect(held).toMatchObject({ ownerId: first.owner.id, status: "running" });
    const runId = held!.runId;
    expect(await count(fixture.store, "outbox", runId)).toBe(0);
    // The process is gone: its lease lapses.
    await fixture.store.db
      .updateTable("runs")
      .set({ lease_expires_at: new Date(0).toISOString() })
      .where("id", "=", runId)
      .execute();

    let agentCalls = 0;
    const next = await openProcess(fixture.file, {
      runAgent: async (agent, input, kit) => {
        agentCalls++;
        return agent.playbook(input, kit);
      },
    });
    const resumed = await next.orchestrator.resumeUnfinished();
    expect(resumed.map((o) => [o.runId, o.status])).toEqual([[runId, "completed"]]);
    expect(agentCalls).toBe(0);
    expect(resumed[0]!.effects.map((e) => e.status)).toEqual(["executed"]);
    expect(await count(next.store, "outbox", runId)).toBe(1);
    expect(await count(next.store, "touches", runId)).toBe(1);
    expect(JSON.parse((await getRun(next.store.db, runId))!.summary ?? "{}")).toMatchObject({ effects: 1 });
    expect(await next.orchestrator.resumeUnfinished()).toEqual([]);
    expect(await heldRuns(next.store.db, new Date())).toEqual([]);
  }, 60_000);
});
