import { afterEach, expect, it } from "vitest";
import { findPlay } from "../../graph/routes.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { type Schedule, startSchedule } from "../../runtime/scheduler/index.ts";
import { openStore, type Store } from "../../store/db.ts";
import { describeEachDialect } from "../helpers/dialects.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

const logger = createLogger({ level: "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describeEachDialect("two schedulers on one store", (dialect) => {
  it("run each slot of a play exactly once: ticks are keyed by the scheduled slot, a unique key in the store", async () => {
    const fixture = await fixtureStore(dialect);
    cleanups.push(fixture.cleanup);
    const base = findPlay("daily-pipeline-review")!;
    const play = { ...base, cron: "* * * * * *" }; // every second, so a few seconds hold several slots
    const slots: string[] = [];
    const outcomes: { duplicate: boolean; runId: string; status: string }[] = [];
    const schedulers: Schedule[] = [];
    const stores: Store[] = [];
    for (let i = 0; i < 2; i++) {
      // Each scheduler has its own connection (on Postgres its own pool) and orchestrator, as two processes would.
      const store = await openStore(fixture.file);
      stores.push(store);
      cleanups.push(() => store.close());
      const orchestrator = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW });
      cleanups.push(() => orchestrator.close());
      schedulers.push(
        startSchedule(
          [play],
          async (p, tick) => {
            slots.push(tick.toISOString());
            const outcome = await orchestrator.play(p.name, { runKey: tick.toISOString() });
            outcomes.push({
              duplicate: outcome.status === "duplicate",
              runId: outcome.runId,
              status: outcome.status,
            });
          },
          logger,
        ),
      );
    }
    await sleep(4_500);
    for (const s of schedulers) s.stop();
    await sleep(2_000); // let the last ticks' runs finish

    const distinct = [...new Set(slots)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    for (const slot of distinct) expect(slot).toMatch(/\.000Z$/);
    const db = stores[0]!.db;
    const rows = await db
      .selectFrom("runs")
      .select(["id", "thread_id", "request_key", "status"])
      .where("thread_id", "like", `play:${play.name}:%`)
      .execute();
    // Both schedulers delivered most slots; every second delivery of a slot was a duplicate of the first.
    expect(slots.length - distinct.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.filter((o) => o.duplicate).length).toBe(slots.length - distinct.length);
    // One run per slot, whichever scheduler got there first, and each ran to its end once.
    expect(rows.length).toBe(distinct.length);
    expect(new Set(rows.map((r) => r.thread_id)).size).toBe(distinct.length);
    expect(rows.map((r) => r.request_key).sort()).toEqual(
      distinct.map((s) => `play:${play.name}:${s}`).sort(),
    );
    expect(rows.every((r) => r.status === "completed")).toBe(true);
    const finished = await db
      .selectFrom("events")
      .select("entity_id")
      .where("type", "=", "run_completed")
      .where(
        "entity_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    expect(finished.map((e) => e.entity_id).sort()).toEqual(rows.map((r) => r.id).sort());

    // The slot key is enforced by the store itself: a second run row with the same key is refused.
    const [first] = await db.selectFrom("runs").selectAll().where("id", "=", rows[0]!.id).execute();
    await expect(
      db
        .insertInto("runs")
        .values({ ...first!, id: `${first!.id}-again`, thread_id: `${first!.thread_id}-again` })
        .execute(),
    ).rejects.toThrow(/unique/i);
  }, 90_000);
});
