import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import { seedAnchor, seedIfEmpty } from "../../runtime/seed/index.ts";
import { openStore, type Store } from "../../store/db.ts";
import { suiteDialect, type TestLocation, testLocation } from "../helpers/dialects.ts";

// Any day: the seed follows the day it runs, so the recent windows of an answer are populated.
const NOW = new Date("2031-03-14T10:15:00Z");
let place: TestLocation;
let store: Store;
let orchestrator: Orchestrator;
beforeAll(async () => {
  place = await testLocation(suiteDialect());
  store = await openStore(place.location);
  await seedIfEmpty(store, { seed: 42, now: seedAnchor(NOW) });
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { clock: () => NOW, env: {} });
});
afterAll(async () => {
  await store.close();
  await place.remove();
});

describe("time-relative answers on a store seeded the day they are asked", () => {
  it("a KPI question counts real recent activity and states its window", async () => {
    const outcome = await orchestrator.chat("why did webinar signups drop?", "time-kpi", { dryRun: true });
    expect(outcome.route).toContain("marketing-analytics");
    const line = outcome.answer?.split("\n").find((l) => l.startsWith("marketing-analytics:")) ?? "";
    const kpi = /webinar signups: (\d+) in the last 30 days to 14 Mar vs (\d+) in the 30 days before/.exec(
      line,
    );
    expect(kpi, line).not.toBeNull();
    expect(Number(kpi![1]) + Number(kpi![2])).toBeGreaterThan(0);
    expect(line).toContain("Pipeline velocity (last 365 days to 14 Mar)");
  });

  it("a date range the question names sets the KPI window", async () => {
    const outcome = await orchestrator.chat("how did webinar signups do over the last 2 weeks?", "time-14", {
      dryRun: true,
    });
    expect(outcome.answer).toMatch(
      /webinar signups: \d+ in the last 14 days to 14 Mar vs \d+ in the 14 days before/,
    );
    expect(outcome.answer).not.toContain("Could not apply");
  });

  it("an engagement question states the 14-day window it looked at", async () => {
    const outcome = await orchestrator.chat("which accounts are heating up right now?", "time-spike", {
      dryRun: true,
    });
    expect(outcome.answer).toContain("last 14 days to 14 Mar");
  });
});
