import { describe, expect, it } from "vitest";
import { WriteLock, writeLockFor } from "./sqlite-write-lock.ts";

describe("WriteLock", () => {
  it("gives turns one at a time, in the order they were asked for", async () => {
    const lock = new WriteLock();
    const order: string[] = [];
    const first = await lock.acquire();
    const second = lock.run(async () => {
      order.push("second");
    });
    const third = lock.run(async () => {
      order.push("third");
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first();
    first(); // a second release of the same turn changes nothing
    await Promise.all([second, third]);
    expect(order).toEqual(["second", "third"]);
  });

  it("ends a turn whose work failed, and is one lock per file path", async () => {
    const lock = new WriteLock();
    await expect(lock.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await lock.run(async () => "next")).toBe("next");
    expect(writeLockFor("a/b.db")).toBe(writeLockFor("./a/../a/b.db"));
    expect(writeLockFor("a/b.db")).not.toBe(writeLockFor("a/c.db"));
  });
});
