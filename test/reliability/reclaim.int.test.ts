import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { heldRuns } from "../../store/repos/run-owners.ts";
import { listWorkers } from "../../store/repos/workers.ts";
import { growthAsync } from "../helpers/cli.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { startTestService } from "../helpers/service.ts";

const LEASE = 1_000;
let stop: (() => Promise<void>) | null = null;
const dir = mkdtempSync(join(tmpdir(), "growth-reclaim-"));
afterEach(async () => {
  await stop?.();
  stop = null;
  rmSync(dir, { recursive: true, force: true });
});

describe("a running growth serve takes over a dead process's runs", () => {
  it("resumes a run whose owner was killed after the service started, once its lease expires", async () => {
    const service = await startTestService({}, { env: { GROWTH_RUN_LEASE_MS: String(LEASE) } });
    stop = service.stop;
    const [worker] = await listWorkers(service.store.db, new Date());
    expect(worker).toMatchObject({ role: "serve", live: true });

    // Another process executes an event's run and is killed entering the effects node. Embedded, `emit` executes
    // it; on PostgreSQL `emit` only accepts and queues (the service leaves a run the queue is delivering to the
    // workers), and a worker takes it.
    const eventFile = join(dir, "event.json");
    writeFileSync(eventFile, JSON.stringify(leadQualified("ana.lopez@acme.com", "reclaim-1")));
    const db = ["--db", service.store.location];
    const crash = { GROWTH_CRASH_AT: "execute_effects:1", GROWTH_RUN_LEASE_MS: String(LEASE) };
    let killed: Awaited<ReturnType<typeof growthAsync>>;
    if (service.store.dialect === "postgres") {
      const accepted = await growthAsync([...db, "emit", eventFile]);
      expect(accepted.code, accepted.stderr).toBe(0);
      killed = await growthAsync([...db, "worker", "--concurrency", "1"], { env: crash });
    } else killed = await growthAsync([...db, "emit", eventFile], { env: crash });
    expect(killed.code, killed.stderr).not.toBe(0);
    // Its run was accepted and left mid-way (unless the service already took it over: the lease is short).
    const [held] = await service.store.db.selectFrom("runs").select(["id as runId", "status"]).execute();
    expect(held).toBeDefined();

    const deadline = Date.now() + 30_000;
    let status = "";
    while (Date.now() < deadline) {
      const res = await service.call(`/v1/runs/${held!.runId}`);
      status = ((await res.json()) as { status: string }).status;
      if (status === "completed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe("completed");
    const outbox = await service.store.db.selectFrom("outbox").select("idempotency_key").execute();
    expect(outbox).toHaveLength(1);
    expect(await heldRuns(service.store.db, new Date())).toEqual([]);
  }, 120_000);
});
