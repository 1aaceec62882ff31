import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import type { AgentRunner } from "../../graph/deps.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { RunOwner } from "../../runtime/ownership/index.ts";
import { openStore, type Store } from "../../store/db.ts";
import { heldRuns } from "../../store/repos/run-owners.ts";
import { getRun } from "../../store/repos/runs.ts";
import { growth, growthAsync } from "../helpers/cli.ts";
import { describeEachDialect } from "../helpers/dialects.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

const logger = createLogger({ level: "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

/** An orchestrator over its own connection to the store, as another process would have, with its own owner. */
async function anotherProcess(location: string, leaseMs: number, runAgent?: AgentRunner) {
  const store = await openStore(location);
  const owner = new RunOwner(store.db, { leaseMs, heartbeatMs: Math.floor(leaseMs / 4), logger });
  const orchestrator = createOrchestrator(store, logger, {
    clock: () => FIXTURE_NOW,
    owner,
    ...(runAgent ? { runAgent } : {}),
  });
  opened.push({ close: () => store.close() }, { close: () => orchestrator.close() });
  return { store, orchestrator, owner };
}

async function outboxCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("outbox")
    .select(store.db.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect("run ownership across processes", (dialect) => {
  it("a run being executed is not resumed by a second process, however long it runs, and finishes once", async () => {
    const fixture = await fixtureStore(dialect);
    opened.push({ close: fixture.cleanup });
    const LEASE = 800;
    // The first process's agent stops mid-run until the test lets it go: the run is being executed meanwhile.
    let calls = 0;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const gated: AgentRunner = async (agent, input, kit) => {
      calls++;
      entered();
      await gate;
      return agent.playbook(input, kit);
    };
    const first = await anotherProcess(fixture.file, LEASE, gated);
    const running = first.orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "own-1"), {
      at: FIXTURE_NOW,
    });
    await inside;
    const [held] = await heldRuns(first.store.db, new Date());
    expect(held).toMatchObject({ ownerId: first.owner.id, live: true, status: "running" });

    // A second orchestrator on its own connection, and a real second process (`growth resume`), both leave it.
    const second = await anotherProcess(fixture.file, LEASE);
    expect(await second.orchestrator.resumeUnfinished()).toEqual([]);
    const cli = await growthAsync(["--db", fixture.file, "resume", "--json"], {
      env: { GROWTH_RUN_LEASE_MS: String(LEASE) },
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual([]);
    const told = await growthAsync(["--db", fixture.file, "resume"], {
      env: { GROWTH_RUN_LEASE_MS: String(LEASE) },
    });
    expect(told.stdout).toMatch(/1 run is being executed by another live process and was left to it/);
    // Several leases later the first process's heartbeat still holds it.
    await sleep(LEASE * 2);
    expect(await second.orchestrator.resumeUnfinished()).toEqual([]);
    expect((await heldRuns(second.store.db, new Date()))[0]).toMatchObject({
      ownerId: first.owner.id,
      live: true,
    });

    letGo();
    const outcome = await running;
    expect(outcome.status).toBe("completed");
    expect(outcome.route).toEqual(["lead-engagement"]);
    expect(calls).toBe(1);
    expect(await outboxCount(second.store)).toBe(1);
    expect(await heldRuns(second.store.db, new Date())).toEqual([]);
    expect((await getRun(second.store.db, held!.runId))?.owner_id).toBeNull();
    expect(await second.orchestrator.resumeUnfinished()).toEqual([]);
  }, 120_000);

  it("a killed process's run is resumed once, from its last checkpoint, only after its lease expires", async () => {
    const fixture = await fixtureStore(dialect);
    opened.push({ close: fixture.cleanup });
    await fixture.store.close();
    // Long enough that opening the second process on a loaded machine stays well inside the dead owner's lease.
    const LEASE = 20_000;
    const eventFile = join(fixture.dir, "event.json");
    writeFileSync(eventFile, JSON.stringify(leadQualified("ana.lopez@acme.com", "own-2")));
    // The first process dies (SIGKILL) entering the effects node: the agent and the guard have run and are checkpointed.
    const crash = { GROWTH_CRASH_AT: "execute_effects:1", GROWTH_RUN_LEASE_MS: String(LEASE) };
    // Embedded, `emit` executes its run; on PostgreSQL it only accepts and queues, and a worker executes it.
    let killed: ReturnType<typeof growth>;
    if (dialect === "postgres") {
      const accepted = growth(["--db", fixture.file, "emit", eventFile]);
      expect(accepted.code, accepted.stderr).toBe(0);
      killed = growth(["--db", fixture.file, "worker", "--concurrency", "1"], { env: crash });
    } else killed = growth(["--db", fixture.file, "emit", eventFile], { env: crash });
    expect(killed.code, killed.stderr).toBeNull();

    let agentCalls = 0;
    const counting: AgentRunner = async (agent, input, kit) => {
      agentCalls++;
      return agent.playbook(input, kit);
    };
    const next = await anotherProcess(fixture.file, LEASE, counting);
    const [held] = await heldRuns(next.store.db, new Date());
    expect(held).toMatchObject({ status: "running", live: true });
    expect(held!.ownerId).not.toBe(next.owner.id);
    // Its lease is still running (the dead process heartbeat it at most a third of a lease before it died).
    expect(await next.orchestrator.resumeUnfinished()).toEqual([]);
    expect(Date.now()).toBeLessThan(held!.leaseExpiresAt.getTime()); // so that was within the lease
    expect((await getRun(next.store.db, held!.runId))?.status).toBe("running");

    await sleep(Math.max(0, held!.leaseExpiresAt.getTime() - Date.now()) + 50);
    const resumed = await next.orchestrator.resumeUnfinished();
    expect(resumed.map((o) => [o.runId, o.status])).toEqual([[held!.runId, "completed"]]);
    // From the checkpoint before the effects: the agent did not run again, and the one touch went out once.
    expect(agentCalls).toBe(0);
    expect(resumed[0]!.route).toEqual(["lead-engagement"]);
    expect(resumed[0]!.effects.map((e) => e.status)).toEqual(["executed"]);
    expect(await outboxCount(next.store)).toBe(1);
    expect(await next.orchestrator.resumeUnfinished()).toEqual([]);
    expect(await heldRuns(next.store.db, new Date())).toEqual([]);
  }, 120_000);
});
