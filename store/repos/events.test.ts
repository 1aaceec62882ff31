import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../db.ts";
import { appendEvents, type EventRecord, eventLogGaps } from "./events.ts";

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(async () => store.close());

const event = (id: string): EventRecord => ({
  id,
  type: "test",
  entityType: "run",
  entityId: id,
  correlationId: "c",
  causationId: null,
  source: "test",
  payload: { id },
  occurredAt: new Date("2026-11-01T00:00:00.000Z"),
});

describe("appendEvents", () => {
  it("skips ids already present and leaves no sequence gap behind them", async () => {
    expect(await appendEvents(store.db, [event("a")])).toBe(1);
    expect(await appendEvents(store.db, [event("a"), event("b")])).toBe(1);
    expect(await appendEvents(store.db, [event("b"), event("a"), event("c")])).toBe(1);
    const rows = await store.db.selectFrom("events").select(["seq", "id"]).orderBy("seq").execute();
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await eventLogGaps(store.db)).toBe(0);
  });

  it("counts a gap when one is there", async () => {
    await appendEvents(store.db, [event("a"), event("b"), event("c")]);
    await store.db.deleteFrom("events").where("id", "=", "b").execute();
    expect(await eventLogGaps(store.db)).toBe(1);
  });
});
