import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../../test/helpers/dialects.ts";
import { openStore, type Store } from "../db.ts";
import {
  claimRun,
  countHeldRuns,
  heartbeatRuns,
  heldByOther,
  heldRuns,
  releaseOwnerRuns,
  releaseRun,
} from "./run-owners.ts";
import { createRun, getRun, setRunStatus } from "./runs.ts";
import { listWorkers, pruneDeadWorkers, registerWorker, removeWorker } from "./workers.ts";

const AT = new Date("2026-12-02T12:00:00.000Z");
const later = (ms: number) => new Date(AT.getTime() + ms);

async function addRun(store: Store, id: string, threadId = "account:acme.com") {
  await createRun(store.db, {
    id,
    threadId,
    kind: "event",
    correlationId: `c-${id}`,
    requestKey: `k-${id}`,
    status: "queued",
    request: { id },
    dryRun: false,
    at: AT,
  });
}

describeEachDialect("run ownership in the store", (dialect) => {
  const store = useTestStore(dialect);

  it("claims an unowned run, keeps it from a second owner until its lease expires, then lets the second take it", async () => {
    const db = store().db;
    await addRun(store(), "r1");
    expect(await claimRun(db, "r1", "a", 1_000, AT)).toBe(true);
    expect(await claimRun(db, "r1", "a", 1_000, later(10))).toBe(true); // the same owner again
    expect(await claimRun(db, "r1", "b", 1_000, later(500))).toBe(false); // a's lease runs to AT + 1010
    expect(await heldByOther(db, "r1", "b", later(500))).toEqual({
      ownerId: "a",
      leaseExpiresAt: later(1_010),
    });
    expect(await heldByOther(db, "r1", "a", later(500))).toBeNull();
    expect(await claimRun(db, "r1", "b", 1_000, later(1_010))).toBe(true); // expired exactly now: a is dead
    const row = await getRun(db, "r1");
    expect(row).toMatchObject({ owner_id: "b", lease_expires_at: later(2_010).toISOString() });
    expect(await claimRun(db, "nope", "a", 1_000, AT)).toBe(false);
  });

  it("extends only its own runs' leases on a heartbeat, releases only its own, and never claims a finished run", async () => {
    const db = store().db;
    for (const id of ["r1", "r2", "r3"]) await addRun(store(), id);
    await claimRun(db, "r1", "a", 1_000, AT);
    await claimRun(db, "r2", "a", 1_000, AT);
    await claimRun(db, "r3", "b", 1_000, AT);
    expect(await heartbeatRuns(db, "a", 1_000, later(900))).toBe(2);
    expect(await claimRun(db, "r1", "b", 1_000, later(1_500))).toBe(false); // a's heartbeat kept it
    expect(await claimRun(db, "r3", "a", 1_000, later(1_500))).toBe(true); // b stopped heartbeating
    const held = await heldRuns(db, later(1_500));
    expect(held.map((h) => [h.runId, h.ownerId, h.live])).toEqual([
      ["r1", "a", true],
      ["r2", "a", true],
      ["r3", "a", true],
    ]);
    expect(await countHeldRuns(db, later(1_950))).toEqual({ live: 1, dead: 2 });
    expect(await releaseRun(db, "r1", "b")).toBe(false);
    expect(await releaseRun(db, "r1", "a")).toBe(true);
    expect((await getRun(db, "r1"))?.owner_id).toBeNull();
    expect(await releaseOwnerRuns(db, "a")).toBe(2);
    expect(await countHeldRuns(db, later(1_950))).toEqual({ live: 0, dead: 0 });
    await setRunStatus(db, "r2", "completed", AT);
    expect(await claimRun(db, "r2", "a", 1_000, AT)).toBe(false);
  });

  it("gives up a run's owner when the run finishes, so an owner killed before its release leaves no lease", async () => {
    const db = store().db;
    for (const id of ["r1", "r2"]) await addRun(store(), id);
    await claimRun(db, "r1", "a", 1_000, AT);
    await claimRun(db, "r2", "a", 1_000, AT);
    await setRunStatus(db, "r1", "running", AT);
    expect((await getRun(db, "r1"))?.owner_id).toBe("a"); // an unfinished status keeps its owner
    await setRunStatus(db, "r1", "completed", later(10));
    await setRunStatus(db, "r2", "failed", later(10));
    for (const id of ["r1", "r2"])
      expect(await getRun(db, id)).toMatchObject({
        owner_id: null,
        lease_expires_at: null,
        heartbeat_at: null,
      });
    expect(await countHeldRuns(db, later(20))).toEqual({ live: 0, dead: 0 });
    expect(await releaseRun(db, "r1", "a")).toBe(false); // nothing left to release
  });

  it("gives a run to exactly one of many owners claiming it at once from two connections", async () => {
    await addRun(store(), "r1");
    const other = await openStore(store().location);
    try {
      const dbs = [store().db, other.db];
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => claimRun(dbs[i % 2]!, "r1", `owner-${i}`, 30_000, AT)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = `owner-${claims.indexOf(true)}`;
      expect((await getRun(other.db, "r1"))?.owner_id).toBe(winner);
    } finally {
      await other.close();
    }
  });

  it("lists registered processes live or dead by their lease, and forgets the long dead", async () => {
    const db = store().db;
    await registerWorker(db, { id: "w1", role: "serve", host: "h", pid: 11, leaseMs: 1_000, now: AT });
    await registerWorker(db, {
      id: "w2",
      role: "worker",
      host: "h",
      pid: 12,
      leaseMs: 1_000,
      now: later(800),
    });
    const seen = await listWorkers(db, later(1_200));
    expect(seen.map((w) => [w.id, w.role, w.pid, w.live])).toEqual([
      ["w2", "worker", 12, true],
      ["w1", "serve", 11, false],
    ]);
    expect(await pruneDeadWorkers(db, later(1_500))).toBe(1);
    await removeWorker(db, "w2");
    expect(await listWorkers(db, AT)).toEqual([]);
  });
});
