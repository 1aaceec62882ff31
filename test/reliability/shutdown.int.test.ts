import { spawn } from "node:child_process";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/db.ts";
import { crashFigures } from "../crash/invariants.ts";
import { suiteDialect, type TestLocation, testLocation } from "../helpers/dialects.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "growth.js");
let place: TestLocation;
beforeAll(async () => {
  place = await testLocation(suiteDialect());
});
afterAll(() => place.remove());

/** Starts `growth demo` and sends SIGTERM once `ready` says so; resolves with the exit and the output. */
function demo(file: string, events: number, stopWhen?: () => Promise<boolean>) {
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, "--db", file, "demo", "--events", String(events), "--no-progress"],
        {
          env: { ...process.env, GROWTH_LOG_LEVEL: "silent" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      let poll: NodeJS.Timeout | undefined;
      // One check at a time and one signal: a second SIGTERM means "exit now", and a check (opening the
      // store) may take longer than the interval.
      let checking = false;
      let sent = false;
      if (stopWhen) {
        poll = setInterval(async () => {
          if (checking || sent || !stdout.includes("Playing events")) return;
          checking = true;
          try {
            if (await stopWhen()) {
              sent = true;
              clearInterval(poll);
              child.kill("SIGTERM");
            }
          } finally {
            checking = false;
          }
        }, 50);
      }
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
}

async function runCount(file: string): Promise<number> {
  const store = await openStore(file);
  try {
    const row = await store.db
      .selectFrom("runs")
      .select(store.db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

describe("graceful shutdown of `growth demo`", () => {
  it("drains on SIGTERM, exits 0, and the next start finishes with no duplicate effect", async () => {
    const file = place.location;
    const first = await demo(file, 200, async () => (await runCount(file)) >= 8);
    expect(first.signal, first.stderr).toBeNull();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /Stopped on SIGTERM: \d+ runs done, \d+ left at a checkpoint; leases released\./,
    );
    expect(first.stdout).not.toContain("== Demo summary ==");
    const stoppedAfter = await runCount(file);
    expect(stoppedAfter).toBeLessThan(200);

    let store = await openStore(file);
    const between = await crashFigures(store);
    await store.close();
    expect(between.leasesHeld).toBe(0);
    expect(between.seqGaps).toBe(0);

    const second = await demo(file, 10);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("== Demo summary ==");
    // The demo prunes on its own: once every run finished, each thread holds one checkpoint at most.
    expect(second.stdout).toMatch(
      /checkpoints: Removed \d+ checkpoints and \d+ pending writes from \d+ threads\./,
    );
    store = await openStore(file);
    const perThread = await sql<{ n: number }>`
      select count(*) as n from checkpoints group by thread_id order by n desc limit 1
    `.execute(store.db);
    expect(Number(perThread.rows[0]?.n)).toBe(1);
    const after = await crashFigures(store);
    await store.close();
    console.log(
      `shutdown test: stopped after ${stoppedAfter} runs (${JSON.stringify(between.runs)}), then ${JSON.stringify(after.runs)}; outbox ${after.outbox}, duplicate touches ${after.duplicateTouches}`,
    );
    expect(Object.keys(after.runs)).toEqual(["completed"]);
    expect(after.acceptedWithoutTerminal).toBe(0);
    expect(after.outboxNotSent).toBe(0);
    expect(after.effectEvents).toBe(after.outbox);
    expect(after.touchesFromEffects).toBe(after.outreachOutbox);
    expect(after.duplicateTouches).toBe(0);
    expect(after.leasesHeld).toBe(0);
    expect(after.seqGaps).toBe(0);
  }, 300_000);
});
