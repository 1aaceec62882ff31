import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPlay } from "../../graph/routes.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { startSchedule } from "../../runtime/scheduler/index.ts";
import { openStore, type Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

let cleanup: () => Promise<void>;
let file: string;
const stores: Store[] = [];

beforeAll(async () => {
  const fixture = await fixtureStore();
  cleanup = fixture.cleanup;
  file = fixture.file;
});

afterAll(async () => {
  for (const s of stores) await s.close();
  await cleanup();
});

describe("two schedulers on one store", () => {
  it("run each slot of a play once: ticks are keyed by the scheduled slot, not the moment a timer fired", async () => {
    const logger = createLogger({ level: "silent" });
    const base = findPlay("daily-pipeline-review")!;
    const play = { ...base, cron: "* * * * * *" }; // every second, so a few seconds hold several slots
    const slots: string[] = [];
    const outcomes: { duplicate: boolean; runId: string }[] = [];
    const schedulers = [];
    for (let i = 0; i < 2; i++) {
      // Each scheduler has its own connection and orchestrator, as two processes would.
      const store = await openStore(file);
      stores.push(store);
      const orchestrator = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW });
      schedulers.push(
        startSchedule(
          [play],
          async (p, tick) => {
            slots.push(tick.toISOString());
            const outcome = await orchestrator.play(p.name, { runKey: tick.toISOString() });
            outcomes.push({ duplicate: outcome.status === "duplicate", runId: outcome.runId });
          },
          logger,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    for (const s of schedulers) s.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the last ticks' runs finish

    const distinct = [...new Set(slots)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    for (const slot of distinct) expect(slot).toMatch(/\.000Z$/);
    const rows = await stores[0]!.db
      .selectFrom("runs")
      .select(["id", "thread_id"])
      .where("thread_id", "like", `play:${play.name}:%`)
      .execute();
    // Both schedulers delivered most slots; every second delivery of a slot was a duplicate of the first.
    expect(slots.length - distinct.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.filter((o) => o.duplicate).length).toBe(slots.length - distinct.length);
    // One run per slot, whichever scheduler got there first.
    expect(rows.length).toBe(distinct.length);
    expect(new Set(rows.map((r) => r.thread_id)).size).toBe(distinct.length);
  }, 60_000);
});
