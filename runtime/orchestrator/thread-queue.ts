import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Serialises work per thread inside this process: one account's runs never overlap. Work already holding a
 * thread (a run's follow-up event on its own account, submitted as the run finishes) runs at once inside that
 * turn instead of queueing behind it, which would wait on itself forever.
 */
export class ThreadQueue {
  private readonly threads = new Map<string, Promise<unknown>>();
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();

  /** Runs `work` after everything already queued on the thread, whether that succeeded or failed. */
  run<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const holding = this.held.getStore();
    if (holding?.has(threadId)) return work();
    const turn = () => this.held.run(new Set([...(holding ?? []), threadId]), work);
    const previous = this.threads.get(threadId) ?? Promise.resolve();
    const next = previous.then(turn, turn);
    const settled = next.catch(() => undefined);
    this.threads.set(threadId, settled);
    void settled.then(() => {
      if (this.threads.get(threadId) === settled) this.threads.delete(threadId);
    });
    return next;
  }
}
