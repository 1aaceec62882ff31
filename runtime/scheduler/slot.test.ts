import { Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { createLogger } from "../logger.ts";
import { onCron, scheduledSlot, selectPlays, startSchedule } from "./index.ts";

const at = (iso: string) => new Date(iso);

describe("scheduledSlot", () => {
  const everyTwo = new Cron("*/2 * * * * *", { paused: true, timezone: "UTC" });

  it("keys a tick by the slot it was scheduled for, whether the timer fired late or a little early", () => {
    for (const fired of ["2026-12-02T06:00:04.003Z", "2026-12-02T06:00:03.998Z", "2026-12-02T06:00:05.400Z"])
      expect(scheduledSlot(everyTwo, at(fired)).toISOString()).toBe("2026-12-02T06:00:04.000Z");
  });

  it("gives schedulers firing the same slot milliseconds apart one key, and the next slot another", () => {
    const a = scheduledSlot(everyTwo, at("2026-12-02T06:00:06.001Z"));
    const b = scheduledSlot(everyTwo, at("2026-12-02T06:00:06.250Z"));
    const next = scheduledSlot(everyTwo, at("2026-12-02T06:00:08.010Z"));
    expect(a.getTime()).toBe(b.getTime());
    expect(next.getTime() - a.getTime()).toBe(2_000);
  });

  it("keys a daily play by its day's slot", () => {
    const daily = new Cron("0 7 * * *", { paused: true, timezone: "UTC" });
    expect(scheduledSlot(daily, at("2026-12-02T07:00:00.120Z")).toISOString()).toBe(
      "2026-12-02T07:00:00.000Z",
    );
  });
});

describe("startSchedule", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keys a tick by its slot when the timer wakes late (a loaded machine), as a scheduler on time does", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T06:00:00.000Z") });
    const play = { name: "every-minute", description: "test", cron: "0 * * * * *", agents: [] };
    const logger = createLogger({ level: "silent" });
    const keys: string[] = [];
    const schedule = startSchedule([play], async (_p, tick) => void keys.push(tick.toISOString()), logger);
    await vi.advanceTimersByTimeAsync(59_900);
    // The process is stalled past the slot: the clock moves on 2.6 s before the overdue timer gets to run.
    vi.setSystemTime(new Date("2026-12-02T06:01:02.500Z"));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000);
    schedule.stop();
    expect(keys).toEqual(["2026-12-02T06:01:00.000Z", "2026-12-02T06:02:00.000Z"]);
  });
});

describe("onCron (--cron)", () => {
  it("puts every play on the cron given, and refuses one croner cannot read with the reason and an example", () => {
    const plays = selectPlays(["daily-pipeline-review", "weekly-market-scan"]);
    expect(onCron(plays, undefined)).toEqual(plays);
    expect(onCron(plays, "*/10 * * * * *").map((p) => [p.name, p.cron])).toEqual([
      ["daily-pipeline-review", "*/10 * * * * *"],
      ["weekly-market-scan", "*/10 * * * * *"],
    ]);
    let refused: unknown;
    try {
      onCron(plays, "every day at noon");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toMatch(
      /--cron "every day at noon" is not a cron expression .*\*\/10/,
    );
  });
});
