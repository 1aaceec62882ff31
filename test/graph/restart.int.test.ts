import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/db.ts";
import { isPostgresUrl } from "../../store/postgres/url.ts";
import { growth, growthAsync } from "../helpers/cli.ts";
import { fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { WorkerCluster } from "../workers/cluster.ts";

let file: string;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const fixture = await fixtureStore();
  ({ file, dir } = fixture);
  await fixture.store.close();
  cleanup = fixture.cleanup;
});
afterEach(async () => cleanup());

async function count(table: "outbox" | "runs" | "events" | "approvals" | "rejections") {
  const store = await openStore(file);
  const row = await store.db
    .selectFrom(table)
    .select(store.db.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  await store.close();
  return Number(row.n);
}

describe("a run interrupted at the approval gate survives a process restart", () => {
  it("completes on resume in a new process with no duplicate effect", async () => {
    const eventFile = join(dir, "event.json");
    writeFileSync(eventFile, JSON.stringify(leadQualified("carl.cfo@acme.com", "restart-1")));

    // Embedded, `emit` executes the run in its own process. On PostgreSQL `emit` accepts and queues it, and a
    // worker process executes it (`--wait` waits for that); either way that process exits with the run paused.
    let approvalId: string | null = null;
    if (isPostgresUrl(file)) {
      const worker = new WorkerCluster(file, { workers: 1, concurrency: 1 });
      try {
        const first = await growthAsync(["--db", file, "emit", eventFile, "--json", "--wait", "60"]);
        expect(first.code, first.stderr).toBe(0);
        expect(JSON.parse(first.stdout).status).toBe("waiting_approval");
      } finally {
        expect(await worker.drain(), worker.stderr()).toEqual([0]);
      }
    } else {
      const first = growth(["--db", file, "emit", eventFile, "--json"]);
      expect(first.code, first.stderr).toBe(0);
      const paused = JSON.parse(first.stdout);
      expect(paused.status).toBe("waiting_approval");
      approvalId = paused.pending_approvals[0].approvalId;
    }
    expect(await count("outbox")).toBe(0);

    const listed = growth(["--db", file, "approvals", "--json"]);
    const pending = JSON.parse(listed.stdout).map((a: { id: string }) => a.id);
    expect(pending).toHaveLength(1);
    if (approvalId) expect(pending).toEqual([approvalId]);
    approvalId = pending[0] as string;

    const second = growth(["--db", file, "approvals", "approve", approvalId, "--by", "qa"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("completed");
    expect(await count("outbox")).toBe(1);

    const again = growth(["--db", file, "approvals", "approve", approvalId]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already approved");
    const redelivered = growth(["--db", file, "emit", eventFile, "--json"]);
    expect(JSON.parse(redelivered.stdout).status).toBe("duplicate");
    expect(await count("outbox")).toBe(1);
  });
});

describe("growth emit refuses an invalid event", () => {
  it("names the wrong field, exits non-zero and writes nothing", async () => {
    const before = { runs: await count("runs"), events: await count("events") };
    const bad = { ...leadQualified("not-an-email"), event_type: "lead_qualifed" };
    const result = growth(["--db", file, "emit", "-"], { input: JSON.stringify(bad) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("event_type");
    expect(result.stderr).toContain("entity_id");
    expect({ runs: await count("runs"), events: await count("events") }).toEqual(before);
    // The refusal itself is recorded apart from the event log: why, and a hash of what came in.
    const store = await openStore(file);
    const rejections = await store.db.selectFrom("rejections").selectAll().execute();
    await store.close();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ source: "emit", kind: "event" });
    expect(rejections[0]!.issues).toContain("event_type");
    expect(JSON.stringify(rejections[0])).not.toContain("not-an-email");

    const notJson = growth(["--db", file, "emit", "-"], { input: "{ nope" });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON/);
    const missing = growth(["--db", file, "emit", join(dir, "missing.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read/);
  });
});
