import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../store/db.ts";
import { buildReport } from "./build.ts";
import { reportJson, units } from "./json.ts";
import { renderReport } from "./render.ts";

describe("the growth report on an empty store", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => {
    await store.close();
  });

  it("gives nulls with reasons in JSON, never 0 or NaN for undefined metrics", async () => {
    const json = reportJson(await buildReport(store.db, {}));
    expect(json.pipeline).toEqual({ open_count: 0, open_value: 0, weighted_value: 0 });
    expect(json).toMatchObject({
      win_rate: null,
      avg_won_deal: null,
      sales_cycle_days: null,
      velocity_per_day: null,
    });
    expect(Object.keys(json.reasons).sort()).toEqual([
      "avg_won_deal",
      "sales_cycle_days",
      "velocity_per_day",
      "win_rate",
    ]);
    expect(json.attribution).toMatchObject({
      model: "linear",
      deals_credited: 0,
      by_campaign: {},
      by_channel: {},
      by_agent: {},
    });
    expect(json.currency).toBeNull();
  });

  it("prints n/a and the reason in text, with no NaN or Infinity", async () => {
    const text = renderReport(await buildReport(store.db, { model: "u" }));
    expect(text).toContain("attribution: u");
    expect(text).toMatch(/Win rate\s+n\/a \(No opportunity was closed/);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(text).toContain("By campaign: nothing to credit");
  });

  it("describes the window it covers", async () => {
    const text = renderReport(
      await buildReport(store.db, {
        from: new Date("2025-03-01T00:00:00Z"),
        to: new Date("2025-03-31T23:59:59.999Z"),
      }),
    );
    expect(text.split("\n")[0]).toBe("Growth report · 2025-03-01 to 2025-03-31 · attribution: linear");
  });
});

describe("units", () => {
  it("rounds fractional cents to the cent and converts to currency units", () => {
    expect(units(123_456)).toBe(1234.56);
    expect(units(1_700_000 / 44)).toBe(386.36);
    expect(units(0.5)).toBe(0.01);
  });
});
