import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/db.ts";
import { claimRun, heldRuns } from "../../store/repos/run-owners.ts";
import { createRun } from "../../store/repos/runs.ts";
import { listWorkers } from "../../store/repos/workers.ts";
import { openTestStore } from "../../test/helpers/dialects.ts";
import { ownershipSettings, RunOwner } from "./index.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await openTestStore("sqlite"));
  for (const id of ["r1", "r2"])
    await createRun(store.db, {
      id,
      threadId: `t-${id}`,
      kind: "event",
      correlationId: id,
      requestKey: id,
      status: "queued",
      request: {},
      dryRun: false,
      at: new Date(),
    });
});
afterEach(async () => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("RunOwner", () => {
  it("heartbeats what it holds, so a second owner cannot take it, and gives a run up only after its last nested claim", async () => {
    const a = new RunOwner(store.db, { leaseMs: 300, heartbeatMs: 60 });
    const b = new RunOwner(store.db, { leaseMs: 300, heartbeatMs: 60 });
    expect(await a.claim("r1")).toBe(true);
    expect(await a.claim("r1")).toBe(true); // nested: intake, then execution
    await sleep(700);
    expect(await b.claim("r1")).toBe(false);
    await a.release("r1");
    expect(a.holds("r1")).toBe(true);
    expect(await b.claim("r1")).toBe(false);
    await a.release("r1");
    expect(a.holding()).toEqual([]);
    expect(await b.claim("r1")).toBe(true);
    await b.stop();
  });

  it("releases every run it holds on a clean stop; a killed holder's run lapses after its lease", async () => {
    const a = new RunOwner(store.db, { leaseMs: 200, heartbeatMs: 50 });
    const b = new RunOwner(store.db, { leaseMs: 200, heartbeatMs: 50 });
    expect(await a.claim("r1")).toBe(true);
    await a.stop();
    expect(await heldRuns(store.db, new Date())).toEqual([]);
    expect(await b.claim("r1")).toBe(true);
    // A killed process: its claim stays in the store with no heartbeat behind it.
    expect(await claimRun(store.db, "r2", "killed", 200, new Date())).toBe(true);
    expect(await b.claim("r2")).toBe(false);
    await sleep(300);
    expect(await b.claim("r2")).toBe(true);
    await b.stop();
  });

  it("registers a long-lived process in workers while started, and removes it on stop", async () => {
    const owner = new RunOwner(store.db, { leaseMs: 300, heartbeatMs: 60, role: "serve" });
    await owner.start();
    await sleep(500);
    const [worker] = await listWorkers(store.db, new Date());
    expect(worker).toMatchObject({ id: owner.id, role: "serve", pid: process.pid, live: true });
    expect(Date.now() - worker!.heartbeatAt.getTime()).toBeLessThan(300);
    await owner.stop();
    expect(await listWorkers(store.db, new Date())).toEqual([]);
  });

  it("reads the lease from the environment and refuses nonsense up front", () => {
    expect(ownershipSettings({})).toEqual({ leaseMs: 30_000, heartbeatMs: 10_000 });
    expect(ownershipSettings({ GROWTH_RUN_LEASE_MS: "900" })).toEqual({ leaseMs: 900, heartbeatMs: 300 });
    expect(() => ownershipSettings({ GROWTH_RUN_LEASE_MS: "soon" })).toThrow(/whole number/);
    expect(() => ownershipSettings({ GROWTH_RUN_LEASE_MS: "50" })).toThrow(/at least 100/);
    expect(() => ownershipSettings({ GROWTH_RUN_LEASE_MS: "900", GROWTH_RUN_HEARTBEAT_MS: "900" })).toThrow(
      /shorter than the lease/,
    );
  });
});
