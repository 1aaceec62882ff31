import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The threads the current async context holds, per queue. One storage for every queue: Node 20 keeps each
 * AsyncLocalStorage that ever ran in a global list and visits all of them on every promise it creates, so a
 * storage per queue (one per orchestrator) made each promise slower with every orchestrator built — an eval
 * run builds one per case and ground to a halt.
 */
const held = new AsyncLocalStorage<ReadonlyMap<ThreadQueue, ReadonlySet<string>>>();

/**
 * Serialises work per thread inside this process: one account's runs never overlap. Work already holding a
 * thread (a run's follow-up event on its own account, submitted as the run finishes) runs at once inside that
 * turn instead of queueing behind it, which would wait on itself forever.
 */
export class ThreadQueue {
  private readonly threads = new Map<string, Promise<unknown>>();

  /** Runs `work` after everything already queued on the thread, whether that succeeded or failed. */
  run<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const holdings = held.getStore();
    const mine = holdings?.get(this);
    if (mine?.has(threadId)) return work();
    const turn = () => held.run(new Map(holdings).set(this, new Set([...(mine ?? []), threadId])), work);
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
