import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../../test/helpers/dialects.ts";
import { openStore } from "../db.ts";
import { appendEvents, type EventRecord, eventLogGaps } from "./events.ts";

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

describeEachDialect("appendEvents", (dialect) => {
  const store = useTestStore(dialect);

  it("skips ids already present and leaves no sequence gap behind them", async () => {
    const { db } = store();
    expect(await appendEvents(db, [event("a")])).toBe(1);
    expect(await appendEvents(db, [event("a"), event("b")])).toBe(1);
    expect(await appendEvents(db, [event("b"), event("a"), event("c")])).toBe(1);
    const rows = await db.selectFrom("events").select(["seq", "id"]).orderBy("seq").execute();
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await eventLogGaps(db)).toBe(0);
  });

  it("counts a gap when one is there", async () => {
    const { db } = store();
    await appendEvents(db, [event("a"), event("b"), event("c")]);
    await db.deleteFrom("events").where("id", "=", "b").execute();
    expect(await eventLogGaps(db)).toBe(1);
  });

  it("leaves no gap when a transaction that appended rolls back", async () => {
    const { db } = store();
    await appendEvents(db, [event("a")]);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendEvents(trx, [event("doomed")]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await appendEvents(db, [event("b")]);
    const rows = await db.selectFrom("events").select(["seq", "id"]).orderBy("seq").execute();
    expect(rows).toEqual([
      { seq: 1, id: "a" },
      { seq: 2, id: "b" },
    ]);
  });

  it("keeps the log gap-free and each id once when two processes append the same events at once", async () => {
    // A second connection pool (a second process's store) on the same database or file.
    const other = await openStore(store().location);
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `e${i % 20}`);
      const counts = await Promise.all(
        ids.map((id, i) => appendEvents((i % 2 === 0 ? store() : other).db, [event(id)])),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
      const rows = await store().db.selectFrom("events").select(["seq", "id"]).orderBy("seq").execute();
      expect(new Set(rows.map((r) => r.id)).size).toBe(20);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await eventLogGaps(store().db)).toBe(0);
    } finally {
      await other.close();
    }
  });
});
