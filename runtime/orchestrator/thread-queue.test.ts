import { describe, expect, it } from "vitest";
import { ThreadQueue } from "./thread-queue.ts";

/** A promise with its resolver, so a test decides when work finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe("ThreadQueue", () => {
  it("runs work on one thread strictly one after another, in submission order", async () => {
    const queue = new ThreadQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run("t1", async () => {
      log.push("a:start");
      await first.promise;
      log.push("a:end");
      return 1;
    });
    const b = queue.run("t1", async () => {
      log.push("b:start");
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(["a:start"]);
    first.open();
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(log).toEqual(["a:start", "a:end", "b:start"]);
  });

  it("lets different threads overlap", async () => {
    const queue = new ThreadQueue();
    const blocker = gate();
    const log: string[] = [];
    const slow = queue.run("t1", async () => {
      await blocker.promise;
      log.push("t1");
    });
    await queue.run("t2", async () => {
      log.push("t2");
    });
    expect(log).toEqual(["t2"]);
    blocker.open();
    await slow;
    expect(log).toEqual(["t2", "t1"]);
  });

  it("keeps going after a failure: the caller sees the error, the next work still runs", async () => {
    const queue = new ThreadQueue();
    const failed = queue.run("t1", async () => {
      throw new Error("boom");
    });
    const next = queue.run("t1", async () => "after");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("after");
  });

  it("runs work that already holds the thread inside its turn (a follow-up on its own account), not after it", async () => {
    const queue = new ThreadQueue();
    const log: string[] = [];
    const started = gate();
    const parent = queue.run("t1", async () => {
      log.push("parent:start");
      await started.promise;
      const child = await queue.run("t1", async () => {
        log.push("follow-up");
        return "done";
      });
      log.push(`parent:end ${child}`);
    });
    // Queued from outside the turn: waits for the parent, as before.
    const outside = queue.run("t1", async () => {
      log.push("outside");
    });
    started.open();
    const deadlock = new Promise((_, reject) => setTimeout(() => reject(new Error("deadlock")), 2_000));
    await Promise.race([Promise.all([parent, outside]), deadlock]);
    expect(log).toEqual(["parent:start", "follow-up", "parent:end done", "outside"]);
  });

  it("holds a thread only in its own queue: work holding t1 in one queue still waits its turn for t1 in another", async () => {
    const first = new ThreadQueue();
    const second = new ThreadQueue();
    const log: string[] = [];
    const busy = gate();
    const occupant = second.run("t1", async () => {
      log.push("second:occupant");
      await busy.promise;
      log.push("second:occupant done");
    });
    const crossing = first.run("t1", async () => {
      const inner = second.run("t1", async () => {
        log.push("second:from first's turn");
      });
      busy.open();
      await inner;
    });
    await Promise.all([occupant, crossing]);
    expect(log).toEqual(["second:occupant", "second:occupant done", "second:from first's turn"]);
  });
});
