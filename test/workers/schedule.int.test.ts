// Two `growth worker --schedule` processes on one PostgreSQL store fire a play every second (issue #11): both
// fire every slot, each slot is accepted once (its run key is the scheduled slot, unique in the store), and its
// one run is executed to the end by whichever worker the queue hands it to.
import { describe, expect, it } from "vitest";
import { fixtureStore } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";
import { WorkerCluster, waitSettled } from "./cluster.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;
const PLAY = "daily-pipeline-review";

/** The "play fired" lines of a worker's JSON log: the slot and what intake said of it. */
function firings(stderr: string): { slot: string; status: string }[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes('"play fired"'))
    .map((line) => JSON.parse(line) as { slot: string; status: string; play: string })
    .filter((entry) => entry.play === PLAY)
    .map(({ slot, status }) => ({ slot, status }));
}

describePg(`scheduled plays on workers${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`, () => {
  it("two workers fire a play every second: each slot is accepted once and runs to its end once", async () => {
    const fixture = await fixtureStore("postgres");
    const store = fixture.store;
    const cluster = new WorkerCluster(fixture.file, {
      workers: 2,
      concurrency: 2,
      args: ["--schedule", PLAY, "--cron", "* * * * * *"],
      env: { GROWTH_LOG_LEVEL: "info" },
    });
    try {
      // Until both have fired several slots (start-up takes seconds on a loaded machine).
      const until = Date.now() + 60_000;
      while ([0, 1].some((i) => new Set(firings(cluster.stderrOf(i)).map((f) => f.slot)).size < 4)) {
        if (Date.now() > until)
          throw new Error(`workers did not fire 4 slots each in 60 s\n${cluster.stderr()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const codes = await cluster.drain();
      expect(codes, cluster.stderr()).toEqual([0, 0]);

      const fired = [firings(cluster.stderrOf(0)), firings(cluster.stderrOf(1))];
      const all = fired.flat();
      const slots = [...new Set(all.map((f) => f.slot))].sort();
      for (const slot of slots) expect(slot).toMatch(/\.000Z$/);
      // Slots both workers fired: exactly one of the two accepted each, the other's tick was a duplicate.
      const both = slots.filter((slot) => fired.every((w) => w.some((f) => f.slot === slot)));
      expect(both.length).toBeGreaterThanOrEqual(2);
      for (const slot of slots) {
        const statuses = all.filter((f) => f.slot === slot).map((f) => f.status);
        expect(
          statuses.filter((s) => s === "queued"),
          `slot ${slot}: ${statuses}`,
        ).toHaveLength(1);
        expect(statuses.every((s) => s === "queued" || s === "duplicate")).toBe(true);
      }

      // One run per slot, keyed by it; drained workers leave none unfinished once a worker works the queue.
      const restarted = new WorkerCluster(fixture.file, { workers: 1, concurrency: 2 });
      try {
        await waitSettled(store, slots.length, 60_000);
      } finally {
        await restarted.drain();
      }
      const runs = await store.db
        .selectFrom("runs")
        .select(["id", "request_key", "status"])
        .where("thread_id", "like", `play:${PLAY}:%`)
        .execute();
      expect(runs.map((r) => r.request_key).sort()).toEqual(slots.map((s) => `play:${PLAY}:${s}`));
      expect(runs.every((r) => r.status === "completed")).toBe(true);
      const completed = await store.db
        .selectFrom("events")
        .select("entity_id")
        .where("type", "=", "run_completed")
        .where(
          "entity_id",
          "in",
          runs.map((r) => r.id),
        )
        .execute();
      expect(completed.map((e) => e.entity_id).sort()).toEqual(runs.map((r) => r.id).sort());
    } finally {
      await cluster.drain();
      await fixture.cleanup();
    }
  }, 180_000);
});
