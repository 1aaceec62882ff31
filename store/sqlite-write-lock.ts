import { resolve } from "node:path";

/**
 * One process's turn at writing one SQLite file. The store (Kysely, one connection) and the checkpointer
 * (better-sqlite3, its own connection) write the same file; a store transaction stays open across awaits, and
 * the checkpointer's synchronous write would then wait on SQLite's lock with the event loop blocked, so the
 * transaction holding it could never finish (SQLITE_BUSY after the busy timeout). Taking this lock first makes
 * the second writer of the process wait asynchronously instead. Other processes still meet SQLite's own lock.
 */
export class WriteLock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the turn; the returned function ends it (once). */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((r) => {
      release = r;
    });
    const before = this.#tail;
    this.#tail = before.then(() => turn);
    await before;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const locks = new Map<string, WriteLock>();

/** The write lock of a store file, shared by everything in this process that writes it. */
export function writeLockFor(file: string): WriteLock {
  const key = resolve(file);
  let lock = locks.get(key);
  if (!lock) {
    lock = new WriteLock();
    locks.set(key, lock);
  }
  return lock;
}
